import { isLang, type Lang } from '../i18n/languages.ts';

type Issue = (path: (string | number)[], message: string, hint?: string) => void;
type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** The study's report languages as written, or the default when absent or unreadable. */
function languagesOf(s: Json): Lang[] {
  const raw = s.languages;
  if (raw === undefined) return ['fi', 'en'];
  return list(raw).filter((x): x is Lang => typeof x === 'string' && isLang(x));
}

/** Every text of a (possibly malformed) definition that is written in the report languages, with its path. */
export function labelsOf(s: Json): { path: (string | number)[]; value: unknown }[] {
  const out: { path: (string | number)[]; value: unknown }[] = [];
  const at = (path: (string | number)[], value: unknown) => {
    if (value !== undefined) out.push({ path, value });
  };
  at(['title'], s.title);
  at(['organisation'], s.organisation);
  const each = (key: string, inner?: (x: Json, path: (string | number)[]) => void) =>
    list(s[key]).forEach((x, i) => {
      if (!isObject(x)) return;
      at([key, i, 'label'], x.label);
      inner?.(x, [key, i]);
    });
  each('bands');
  each('groups');
  each('background', (b, path) => list(b.values).forEach((v, j) => isObject(v) && at([...path, 'values', j, 'label'], v.label)));
  each('items');
  each('dimensions');
  each('indices');
  if (isObject(s.nps)) at(['nps', 'label'], s.nps.label);
  if (isObject(s.benchmark)) at(['benchmark', 'source'], s.benchmark.source);
  if (isObject(s.editions)) for (const [year, e] of Object.entries(s.editions)) if (isObject(e)) list(e.breaks).forEach((b, j) => isObject(b) && at(['editions', year, 'breaks', j, 'note'], b.note));
  return out;
}

/**
 * Every text must be given in each of the study's languages: a missing one is an
 * error naming its path. A text in a language the study does not publish is ignored.
 */
export function checkLabelLanguages(s: Json, issue: Issue): void {
  const languages = languagesOf(s);
  for (const { path, value } of labelsOf(s)) {
    if (!isObject(value)) continue;
    for (const lang of languages) {
      if (value[lang] === undefined)
        issue(
          [...path, lang],
          `missing: the study is published in "${lang}" (see "languages"), so every text needs an "${lang}" version`,
          `Add "${lang}": "…" here, or take "${lang}" out of "languages".`,
        );
    }
  }
}

/**
 * The texts of a study in more than one language that are the same in all of
 * them, with their paths: a draft's placeholders (`luotain init` writes the
 * file's own text in every language) until someone translates them.
 */
export function untranslatedLabels(s: Json): { path: (string | number)[]; text: string }[] {
  const languages = languagesOf(s);
  if (languages.length < 2) return [];
  const out: { path: (string | number)[]; text: string }[] = [];
  for (const { path, value } of labelsOf(s)) {
    if (!isObject(value)) continue;
    const first = value[languages[0]];
    if (typeof first === 'string' && languages.every((l) => value[l] === first)) out.push({ path, text: first });
  }
  return out;
}
