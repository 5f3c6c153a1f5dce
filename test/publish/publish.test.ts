import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  diffFigures,
  figuresOf,
  isVersion,
  parseRecord,
  sameFigure,
  serialiseRecord,
  setFrontMatterFields,
  shareIntervalOf,
  verifyPublished,
  withNewVersion,
  type PublicationRecord,
  type PublishedVersion,
} from '../../src/publish/index.ts';

const inputs = { responses: 'r1', study: 's1', benchmarks: 'b1' };
const version = (v: string, figures: Record<string, string> = { 'total|total|q1|mean.estimate': '3.5' }, note?: PublishedVersion['note']): PublishedVersion => ({
  version: v,
  published: '2025-03-13',
  toolVersion: '0.1.0',
  inputs,
  ...(note ? { note } : {}),
  figures,
});

describe('figuresOf', () => {
  it('keys figures by breakdown|domain|indicator|statistic and keeps 12 significant digits', () => {
    expect(
      figuresOf([
        ['total', 'total', 'q1', 'item', 'mean.estimate', '3.4391440557206128'],
        ['group', 'A', 'q1', 'item', 'mean.se', '0.011440968622229111'],
        ['group', 'A', 'q1', 'item', 'mean.n', '451'],
        ['total', 'total', 'nps', 'nps', 'mean.estimate', '-12.345678901234567'],
        ['total', 'total', 'q1', 'item', 'top_box.estimate', '1.0000000000000002'],
        ['total', 'total', 'q1', 'item', 'mean.band', 'excellent'],
        ['group', 'B', 'q1', 'item', 'mean.suppressed', 'complementary'],
        ['total', 'total', 'q1', 'item', 'change.significant', 'false'],
        ['total', 'total', 'q1', 'item', 'change.p', '2.5207777672308278e-20'],
      ]),
    ).toEqual({
      'total|total|q1|mean.estimate': '3.43914405572',
      'group|A|q1|mean.se': '0.0114409686222',
      'group|A|q1|mean.n': '451',
      'total|total|nps|mean.estimate': '-12.3456789012',
      'total|total|q1|top_box.estimate': '1',
      'total|total|q1|mean.band': 'excellent',
      'group|B|q1|mean.suppressed': 'complementary',
      'total|total|q1|change.significant': 'false',
      'total|total|q1|change.p': '2.52077776723e-20',
    });
  });
});

describe('diffFigures', () => {
  it('lists changed, gone and added figures in key order', () => {
    expect(diffFigures({ a: '1', b: '2', c: '3' }, { b: '2', c: '4', d: '5' })).toEqual([
      { key: 'a', old: '1' },
      { key: 'c', old: '3', new: '4' },
      { key: 'd', new: '5' },
    ]);
    expect(diffFigures({ a: '1' }, { a: '1' })).toEqual([]);
  });
});

describe('versions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.9', '1.10')).toBe(-1);
    expect(compareVersions('1.0', '1')).toBe(0);
    expect(compareVersions('2', '1.99')).toBe(1);
    expect(compareVersions('1.0.1', '1.0')).toBe(1);
  });
  it('accepts only digits and dots', () => {
    expect(['1', '1.0', '10.2.3'].map(isVersion)).toEqual([true, true, true]);
    expect(['', 'v1', '1.', '1..2', '1.a'].map(isVersion)).toEqual([false, false, false, false, false]);
  });
});

describe('withNewVersion', () => {
  it('starts a record with an empty history', () => {
    expect(withNewVersion(undefined, 2025, version('1.0'))).toEqual({ edition: 2025, current: version('1.0'), history: [] });
  });
  it('moves the current version, without its figures, to the end of the history', () => {
    const first = withNewVersion(undefined, 2025, version('1.0'));
    const second = withNewVersion(first, 2025, version('1.1', { x: '1' }, 'Weights corrected'));
    const third = withNewVersion(second, 2025, version('1.2', { x: '2' }, 'Again'));
    const { figures: _f, ...meta10 } = version('1.0');
    const { figures: _g, ...meta11 } = version('1.1', {}, 'Weights corrected');
    expect(third).toEqual({ edition: 2025, current: version('1.2', { x: '2' }, 'Again'), history: [meta10, meta11] });
    expect(third.history[0]).not.toHaveProperty('figures');
  });
});

describe('serialiseRecord and parseRecord', () => {
  const record: PublicationRecord = withNewVersion(
    withNewVersion(undefined, 2025, version('1.0')),
    2025,
    version('1.1', { 'total|total|q1|mean.estimate': '3.6', 'group|"A"|q1|mean.n': '40' }, 'Corrected "x"'),
  );

  it('round-trips, one figure per line in sorted order', () => {
    const text = serialiseRecord(record);
    expect(parseRecord(text, 'reports/2025/publication.json', 2025)).toEqual({ record, issues: [] });
    expect(text.endsWith('}\n')).toBe(true);
    const figureLines = text.split('\n').filter((l) => l.startsWith('      "') && l.includes('|'));
    expect(figureLines).toEqual(['      "group|\\"A\\"|q1|mean.n": "40",', '      "total|total|q1|mean.estimate": "3.6"']);
    expect(serialiseRecord(JSON.parse(text) as PublicationRecord)).toBe(text);
  });

  it('round-trips a note per language, and reads the one text of a record written before notes had languages', () => {
    const perLanguage = withNewVersion(record, 2025, version('1.2', undefined, { fi: 'Korjattu "x"', sv: 'Korrigerad', en: 'Corrected' }));
    const text = serialiseRecord(perLanguage);
    expect(text).toContain('    "note": {\n      "fi": "Korjattu \\"x\\"",\n      "sv": "Korrigerad",\n      "en": "Corrected"\n    },\n');
    expect(parseRecord(text, 'p.json', 2025)).toEqual({ record: perLanguage, issues: [] });
    expect(parseRecord(text, 'p.json', 2025).record!.history.map((h) => h.note)).toEqual([undefined, 'Corrected "x"']);
    const foreign = JSON.parse(text) as { current: { note: Record<string, string> } };
    foreign.current.note = { de: 'Korrigiert' };
    expect(parseRecord(JSON.stringify(foreign), 'p.json', 2025).issues.map((i) => i.message.split(':')[0])).toEqual(['current.note']);
  });

  const hint = 'Restore the file from version control; it is written by "luotain publish" and not edited by hand.';
  it('refuses text that is not JSON', () => {
    const { record: r, issues } = parseRecord('{ "edition": ', 'p.json', 2025);
    expect(r).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'p.json', hint });
    expect(issues[0]!.message).toMatch(/^not valid JSON: /);
  });
  it('refuses a record of another edition', () => {
    expect(parseRecord(serialiseRecord(record), 'p.json', 2024)).toEqual({
      issues: [{ severity: 'error', file: 'p.json', value: '2025', message: 'the record is of edition 2025, but it is in the folder of 2024', hint }],
    });
  });
  it('refuses a record that breaks the schema, naming the place', () => {
    const broken = JSON.parse(serialiseRecord(record)) as { current: { published: string; extra?: number } };
    broken.current.published = '13.3.2025';
    const { issues } = parseRecord(JSON.stringify(broken), 'p.json', 2025);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'p.json', hint });
    expect(issues[0]!.message).toMatch(/^current\.published: /);
    // A figure that is not a text is named by its key.
    const numeric = JSON.parse(serialiseRecord(record)) as { current: { figures: Record<string, unknown> | unknown[] } };
    (numeric.current.figures as Record<string, unknown>)['total|total|q1|mean.estimate'] = 3.6;
    expect(parseRecord(JSON.stringify(numeric), 'p.json', 2025).issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^current\.figures.*total\|total\|q1\|mean\.estimate.*: expected a text, got number$/),
    ]);
    numeric.current.figures = ['3.6'];
    expect(parseRecord(JSON.stringify(numeric), 'p.json', 2025).issues.map((i) => i.message)).toEqual(['current.figures: expected an object of figures']);
    expect(parseRecord('{"edition":2025,"current":{},"history":[]}', 'p.json', 2025).issues.map((i) => i.message.split(':')[0])).toEqual([
      'current.version',
      'current.published',
      'current.toolVersion',
      'current.inputs',
      'current.figures',
    ]);
  });
});

describe('the interval of shares a record says', () => {
  const logit = withNewVersion(withNewVersion(undefined, 2025, version('1.0')), 2025, { ...version('1.1', undefined, 'Logit intervals'), methods: { shareInterval: 'logit' } });

  it('is wald for a version without methods (every record before them), else its own', () => {
    expect(shareIntervalOf(logit.history[0]!)).toBe('wald');
    expect(shareIntervalOf(logit.current)).toBe('logit');
    expect(shareIntervalOf({ methods: { shareInterval: 'wald' } })).toBe('wald');
  });
  it('round-trips with the methods of each version', () => {
    const text = serialiseRecord(logit);
    expect(text).toContain('"note": "Logit intervals",\n    "methods": {\n      "shareInterval": "logit"\n    },\n    "figures": {');
    expect(parseRecord(text, 'p.json', 2025)).toEqual({ record: logit, issues: [] });
  });
  it('refuses an interval it does not know, naming the place', () => {
    const broken = JSON.parse(serialiseRecord(logit)) as { current: { methods: { shareInterval: string } } };
    broken.current.methods.shareInterval = 'wilson';
    const { record, issues } = parseRecord(JSON.stringify(broken), 'p.json', 2025);
    expect(record).toBeUndefined();
    expect(issues.map((i) => i.message.split(':')[0])).toEqual(['current.methods.shareInterval']);
  });
});

describe('verifyPublished', () => {
  const figures = { 'age|18-34|q1|mean.estimate': '3.1', 'group|A|q1|mean.estimate': '3.2', 'total|total|q1|mean.estimate': '3.3', 'total|total|q1|mean.n': '100' };
  const record = withNewVersion(undefined, 2025, version('1.0', figures));
  const hint = 'If the change is a correction, publish it as a new version: luotain publish 2025 --version <next> --note "what was corrected". Otherwise restore the inputs of version 1.0.';

  it('passes unchanged figures and inputs silently', () => {
    expect(verifyPublished(record, { ...figures }, inputs, 'reports/2025/publication.json')).toEqual([]);
  });

  it('fails on changed figures, listing the total and groups first, old → new', () => {
    const now = { ...figures, 'age|18-34|q1|mean.estimate': '3.0', 'group|A|q1|mean.estimate': '3.25', 'total|total|q1|mean.n': '101', 'total|total|q2|mean.n': '5' };
    delete (now as Record<string, string>)['total|total|q1|mean.estimate'];
    expect(verifyPublished(record, now, { ...inputs, responses: 'r2' }, 'reports/2025/publication.json')).toEqual([
      {
        severity: 'error',
        file: 'reports/2025/publication.json',
        message: [
          'edition 2025 was published as version 1.0 on 2025-03-13, but 4 of its figures are now different (changed inputs: responses):',
          '    total|total|q1|mean.estimate: 3.3 → (gone)',
          '    total|total|q1|mean.n: 100 → 101',
          '    group|A|q1|mean.estimate: 3.2 → 3.25',
          '    age|18-34|q1|mean.estimate: 3.1 → 3.0',
          '    (and 1 figure the record does not have, which are additions)',
        ].join('\n'),
        hint,
      },
    ]);
  });

  it('says when the inputs are unchanged (the computation changed)', () => {
    const [issue] = verifyPublished(record, { ...figures, 'total|total|q1|mean.n': '99' }, inputs, 'p.json');
    expect(issue!.message.split('\n')[0]).toBe(
      'edition 2025 was published as version 1.0 on 2025-03-13, but 1 of its figures are now different (the inputs are unchanged, so the computation changed):',
    );
  });

  it('lists at most 40 changes and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`group|G${String(i).padStart(2, '0')}|q1|mean.n`, String(i)]));
    const r = withNewVersion(undefined, 2025, version('1.0', many));
    const changed = Object.fromEntries(Object.entries(many).map(([k, v]) => [k, String(Number(v) + 100)]));
    const lines = verifyPublished(r, changed, inputs, 'p.json')[0]!.message.split('\n');
    expect(lines).toHaveLength(1 + 40 + 1);
    expect(lines[1]).toBe('    group|G00|q1|mean.n: 0 → 100');
    expect(lines[40]).toBe('    group|G39|q1|mean.n: 39 → 139');
    expect(lines[41]).toBe('    … and 5 more');
  });

  it('does not count floating-point noise as a change, but does count anything larger', () => {
    // Summing in another order moves the last digits of a double: 3.4e-10 relative was
    // seen on a difference of two means; displayed figures have at most 4 decimals.
    expect(sameFigure('3.43914405572', '3.43914405573')).toBe(true);
    expect(sameFigure('3.117695672e-33', '3.11769567198e-33')).toBe(true);
    expect(sameFigure('0.0000924290103567', '0.0000924290103566')).toBe(true);
    expect(sameFigure('3.4391', '3.4392')).toBe(false);
    expect(sameFigure('0.000001', '0.000002')).toBe(false);
    expect(sameFigure('good', 'excellent')).toBe(false);
    expect(sameFigure('30', '30.0')).toBe(true);
  });

  it('lists figures the record does not have as additions, in a warning, when every recorded figure is unchanged', () => {
    const now = { ...figures, 'region|north|q1|mean.estimate': '3.4', 'region|north|q1|mean.n': '40', 'total|total|q9|mean.n': '12' };
    expect(verifyPublished(record, now, { ...inputs, study: 's2' }, 'p.json')).toEqual([
      {
        severity: 'warning',
        file: 'p.json',
        message: [
          'edition 2025 (version 1.0) now has 3 figures its publication record does not have; every recorded figure is unchanged. Additions:',
          '    total|total|q9|mean.n: 12',
          '    region|north|q1|mean.estimate: 3.4',
          '    region|north|q1|mean.n: 40',
        ].join('\n'),
        hint: 'Nothing to do: the additions (a new breakdown, question or statistic) are shown beside the published figures. To record them too, publish a new version: luotain publish 2025 --version <next> --note "what was added".',
      },
      {
        severity: 'warning',
        file: 'p.json',
        message: 'the study of edition 2025 changed since version 1.0 was published, but no published figure did',
        hint: 'Nothing to do if the change was intended (a comment or a column the report does not use).',
      },
    ]);
  });

  it('counts many additions by statistic, with a few examples, instead of listing them all', () => {
    const now: Record<string, string> = { ...figures };
    for (const item of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']) {
      now[`total|total|${item}|driver.importance`] = '0.2';
      now[`total|total|${item}|driver.quadrant_stable`] = 'true';
    }
    const [warning] = verifyPublished(record, now, inputs, 'p.json');
    expect(warning!.message.split('\n')).toEqual([
      'edition 2025 (version 1.0) now has 12 figures its publication record does not have; every recorded figure is unchanged. Additions:',
      '    by statistic: driver.importance (6), driver.quadrant_stable (6)',
      '    total|total|q1|driver.importance: 0.2',
      '    total|total|q1|driver.quadrant_stable: true',
      '    total|total|q2|driver.importance: 0.2',
      '    … and 9 more',
    ]);
  });

  it('a recorded figure that disappears fails even when others are added', () => {
    const now: Record<string, string> = { ...figures, 'total|total|q1|mean.se': '0.1' };
    delete now['group|A|q1|mean.estimate'];
    const issues = verifyPublished(record, now, inputs, 'p.json');
    expect(issues.map((i) => i.severity)).toEqual(['error']);
    expect(issues[0]!.message).toContain('    group|A|q1|mean.estimate: 3.2 → (gone)');
  });

  it('only warns when the inputs changed but no figure did', () => {
    expect(verifyPublished(record, { ...figures }, { ...inputs, study: 's2', benchmarks: 'b2' }, 'p.json')).toEqual([
      {
        severity: 'warning',
        file: 'p.json',
        message: 'the study, benchmarks of edition 2025 changed since version 1.0 was published, but no published figure did',
        hint: 'Nothing to do if the change was intended (a comment or a column the report does not use).',
      },
    ]);
  });
});

describe('setFrontMatterFields', () => {
  it('replaces fields in place, appends missing ones and keeps the rest of the file', () => {
    const text = '---\ntitle: "Raportti 2025"\nstatus: draft\nversion: "0.1"\nfieldwork: ""\n---\n\nBody\n';
    expect(setFrontMatterFields(text, { status: 'published', version: '1.0', published: '2025-03-13' })).toBe(
      '---\ntitle: "Raportti 2025"\nstatus: published\nversion: "1.0"\nfieldwork: ""\npublished: 2025-03-13\n---\n\nBody\n',
    );
  });
  it('adds a front matter block where there is none, quoting values that need it', () => {
    expect(setFrontMatterFields('Body', { version: '1.1', note: 'a "b" #c' })).toBe('---\nversion: "1.1"\nnote: "a \\"b\\" #c"\n---\nBody');
  });
  it('writes what parseFrontMatter reads back', async () => {
    const { parseFrontMatter } = await import('../../src/editorial/front-matter.ts');
    const out = setFrontMatterFields('---\ntitle: T\n---\nx', { version: '2', published: '2025-03-13' });
    const fm = parseFrontMatter(out);
    expect(fm.fields.get('version')?.value).toBe('2');
    expect(fm.fields.get('published')?.value).toBe('2025-03-13');
    expect(fm.body).toBe('x');
  });
});
