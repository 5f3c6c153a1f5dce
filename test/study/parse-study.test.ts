import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStudy, studyJsonSchema } from '../../src/study/index.ts';

const sample = JSON.parse(readFileSync('data/study.json', 'utf8'));

function problems(mutate: (s: any) => void): string[] {
  const copy = structuredClone(sample);
  mutate(copy);
  const result = parseStudy(JSON.stringify(copy));
  if (result.ok) return [];
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseStudy', () => {
  it('accepts the sample study and fills in defaults', () => {
    const result = parseStudy(readFileSync('data/study.json', 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.study.minBase).toBe(30);
      expect(result.study.scale.cantSay).toEqual([6]);
      expect(result.study.indices.every((i) => typeof i.headline === 'boolean')).toBe(true);
    }
  });

  it('names an unknown item by its JSON path', () => {
    expect(problems((s) => (s.dimensions[2].items[1] = 'int9'))).toEqual(['dimensions[2].items[1]: unknown item "int9"']);
  });

  it('reports every problem at once', () => {
    const found = problems((s) => {
      s.dimensions[0].items[0] = 'nope';
      s.indices[0].dimensions[1] = 'ghost';
      s.drivers.outcome = 'missing';
      delete s.title.en;
      s.scale.cantSay = [3];
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'title.en: missing: the study is published in "en" (see "languages"), so every text needs an "en" version',
        'dimensions[0].items[0]: unknown item "nope"',
        'indices[0].dimensions[1]: unknown dimension "ghost"',
        'drivers.outcome: unknown indicator "missing"',
        "scale.cantSay[0]: can't-say code 3 lies inside the scale 1–5",
      ]),
    );
  });

  it('checks the order of the bands and the open lowest band', () => {
    expect(problems((s) => (s.bands[1].min = 4.5))).toEqual(['bands[1].min: bands must go from the highest to the lowest: 4.5 is not below 4']);
    expect(problems((s) => (s.bands[4].min = 1))).toEqual(['bands[4].min: the lowest band must not have a "min"']);
  });

  it('refuses a column with two roles, unknown keys and duplicate group codes', () => {
    expect(problems((s) => (s.columns.weight = 'group'))).toEqual(['columns[2]: duplicate column (each column may have one role only) "group"']);
    expect(problems((s) => (s.colour = 'red'))).toEqual(['(top level): unknown key "colour"']);
    expect(problems((s) => (s.groups[1].code = 'public'))).toEqual(['groups[1]: duplicate group code "public"']);
  });

  it('allows a study without id and group columns, but groups and their column go together', () => {
    expect(
      problems((s) => {
        delete s.columns.id;
        delete s.columns.group;
        delete s.groups;
      }),
    ).toEqual([]);
    expect(problems((s) => delete s.columns.group)).toEqual(['columns.group: the groups need a group column: name it in columns.group']);
    expect(problems((s) => delete s.groups)).toEqual(['groups: list the groups of the group column "group"']);
  });

  it('allows a study with no columns at all (one sample, no ids, no weights), and bands without colours', () => {
    const copy = structuredClone(sample);
    delete copy.columns;
    delete copy.groups;
    for (const b of copy.bands) {
      delete b.colour;
      delete b.textColour;
    }
    const result = parseStudy(JSON.stringify(copy));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.study.columns).toEqual({});
    expect(
      problems((s) => {
        delete s.columns;
      }),
    ).toEqual(['columns.group: the groups need a group column: name it in columns.group']);
  });

  it('takes an http or https siteUrl and refuses any other address', () => {
    expect(problems((s) => (s.siteUrl = 'https://reports.example.fi/kaukovesi/'))).toEqual([]);
    expect(problems((s) => (s.siteUrl = 'ftp://reports.example.fi/'))).toEqual(['siteUrl: must be an http or https address, such as https://www.example.fi/reports/study/']);
    expect(problems((s) => (s.siteUrl = 'reports/kaukovesi'))).toEqual(['siteUrl: must be an http or https address, such as https://www.example.fi/reports/study/']);
  });

  it("checks the summary's areas against the dimensions, by JSON path", () => {
    expect(problems((s) => (s.summary = { areas: ['finance', 'cx'] }))).toEqual([]);
    expect(problems((s) => (s.summary = { areas: ['finance', 'reputation', 'gov1', 'finance'] }))).toEqual([
      'summary.areas[1]: unknown dimension "reputation"',
      'summary.areas[2]: unknown dimension "gov1"',
      'summary.areas[3]: dimension "finance" is listed twice',
    ]);
    expect(problems((s) => (s.summary = { areas: [] }))).toEqual(['summary.areas: needs at least 1 entry']);
    expect(problems((s) => (s.summary = { charts: [] }))).toEqual(['summary: unknown key "charts"']);
  });

  it('says when the file is not JSON', () => {
    const result = parseStudy('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: '(file)', message: 'not valid JSON: line 1, column 9: the file ends before the object opened on line 1 is closed with "}"' }]);
  });

  it('requires the open-answer column when quotes are published', () => {
    expect(problems((s) => delete s.nps.reason)).toEqual(['nps.quotes.publish: quotes need the open-answer column nps.reason']);
  });
});

describe('study.schema.json', () => {
  it('is the JSON Schema generated from the current definition (run: node scripts/write-json-schema.ts)', () => {
    expect(JSON.parse(readFileSync('study.schema.json', 'utf8'))).toEqual(studyJsonSchema());
  });
});

describe('labels in the study’s languages', () => {
  const only = (languages: string[], mutate: (s: any) => void = () => {}) =>
    problems((s) => {
      s.languages = languages;
      mutate(s);
    });

  it('needs English labels only in an English-only study', () => {
    expect(
      only(['en'], (s) => {
        const strip = (x: any): void => {
          if (Array.isArray(x)) x.forEach(strip);
          else if (x && typeof x === 'object') {
            if (typeof x.en === 'string') {
              delete x.fi;
              delete x.sv;
            } else Object.values(x).forEach(strip);
          }
        };
        strip(s);
      }),
    ).toEqual([]);
  });

  it('accepts Swedish and names each missing Swedish text by its path', () => {
    expect(only(['sv', 'fi'])).toEqual([]);
    expect(only(['sv', 'fi'], (s) => delete s.items[3].label.sv)).toEqual(['items[3].label.sv: missing: the study is published in "sv" (see "languages"), so every text needs an "sv" version']);
    expect(
      only(['fi', 'sv', 'en'], (s) => {
        delete s.background[1].values[0].label.sv;
        delete s.benchmark.source.en;
      }),
    ).toEqual([
      'background[1].values[0].label.sv: missing: the study is published in "sv" (see "languages"), so every text needs an "sv" version',
      'benchmark.source.en: missing: the study is published in "en" (see "languages"), so every text needs an "en" version',
    ]);
  });

  it('refuses a language Luotain does not write', () => {
    expect(only(['fi', 'de'])).toEqual(['languages[1]: must be one of "fi", "sv" or "en", not the text "de"']);
  });
});

describe('schema messages in words', () => {
  it('say what is missing or wrong and quote the value found, not the validator', () => {
    expect(problems((s) => delete s.columns.id && delete s.title)).toEqual(['title: missing: write an object { … } here']);
    expect(problems((s) => (s.scale.min = '1'))).toEqual(['scale.min: must be a number, not the text "1"']);
    expect(problems((s) => (s.minBase = 30.5))).toEqual(['minBase: must be a whole number, not the number 30.5']);
    expect(problems((s) => (s.highCantSayShare = 2))).toEqual(['highCantSayShare: must be at most 1, not 2']);
    expect(problems((s) => (s.indices[0].headline = 'yes'))).toEqual(['indices[0].headline: must be true or false, not the text "yes"']);
    expect(problems((s) => (s.nps = null))).toEqual(['nps: must be an object { … }, not null']);
    expect(problems((s) => (s.languages = [])).filter((p) => p.startsWith('languages'))).toEqual(['languages: needs at least 1 entry']);
    for (const p of problems((s) => {
      s.scale.min = 'x';
      s.minBase = 1;
      s.languages = ['xx'];
    }))
      expect(p).not.toMatch(/Invalid|Too small|Too big|received|expected/);
  });
});
