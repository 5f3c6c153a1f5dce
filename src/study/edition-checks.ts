/**
 * The checks of what a study definition says about editions: the spans of
 * variables (from, until, years) and each edition's renamed columns, codes,
 * breaks and comparability declarations. Written, like crossCheck, for a
 * definition that may have structural errors.
 */
type Issue = (path: (string | number)[], message: string, hint?: string) => void;
type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const isYear = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Whether something with this (possibly malformed) span exists in `year`. */
function existsLoose(x: Json, year: number): boolean {
  if (Array.isArray(x.years)) return x.years.includes(year);
  return (!isYear(x.from) || year >= x.from) && (!isYear(x.until) || year <= x.until);
}

/** Whether something with this span can exist in an edition before `year`. */
function existsBefore(x: Json, year: number): boolean {
  if (Array.isArray(x.years)) return x.years.some((y) => isYear(y) && y < year);
  return !isYear(x.from) || x.from < year;
}

function checkSpan(x: Json, path: (string | number)[], issue: Issue): void {
  if (x.years !== undefined && (x.from !== undefined || x.until !== undefined)) {
    issue([...path, 'years'], 'give either "years" or "from"/"until", not both', 'Use "years" for a list of editions, "from" and "until" for a run of them.');
  }
  if (isYear(x.from) && isYear(x.until) && x.from > x.until) issue([...path, 'until'], `${x.until} is before "from" (${x.from})`);
  const seen = new Set<unknown>();
  list(x.years).forEach((y, i) => {
    if (seen.has(y)) issue([...path, 'years', i], `year ${String(y)} is listed twice`);
    seen.add(y);
  });
}

export function checkEditions(s: Json, issue: Issue): void {
  const objects = (key: string) =>
    list(s[key])
      .map((x, i) => ({ x, i }))
      .filter((e): e is { x: Json; i: number } => isObject(e.x));
  for (const key of ['items', 'dimensions', 'indices', 'groups', 'background']) {
    for (const { x, i } of objects(key)) {
      checkSpan(x, [key, i], issue);
      if (key === 'background') list(x.values).forEach((v, j) => isObject(v) && checkSpan(v, [key, i, 'values', j], issue));
    }
  }
  if (!isObject(s.editions)) return;
  const items = new Map(objects('items').map(({ x }) => [x.id, x]));
  const dimensions = new Map(objects('dimensions').map(({ x }) => [x.id, x]));
  const indices = new Map(objects('indices').map(({ x }) => [x.id, x]));
  const background = new Map(objects('background').map(({ x }) => [x.id, x]));
  const nps = isObject(s.nps) ? s.nps : undefined;
  const scale = isObject(s.scale) ? s.scale : {};
  const columns = isObject(s.columns) ? s.columns : {};
  for (const [key, e] of Object.entries(s.editions)) {
    if (!isObject(e)) continue;
    const year = Number(key);
    const at = (...rest: (string | number)[]) => ['editions', key, ...rest];
    // Renamed columns: of variables that exist in the edition, each column with one role.
    const renamed = isObject(e.columns) ? e.columns : {};
    for (const variable of Object.keys(renamed)) {
      const owner = variable === 'nps' ? nps : (items.get(variable) ?? background.get(variable));
      if (!owner) {
        issue(at('columns', variable), `unknown variable "${variable}": a renamed column belongs to an item id, a background variable id or "nps"`);
        continue;
      }
      if (variable !== 'nps' && !existsLoose(owner, year)) issue(at('columns', variable), `"${variable}" does not exist in ${key} (see its from, until or years)`);
    }
    const used = new Map<string, string>();
    const use = (column: unknown, role: string) => {
      if (typeof column !== 'string') return;
      const other = used.get(column);
      if (other !== undefined) issue(at('columns'), `column "${column}" would be both ${other} and ${role} in ${key}`, 'Each column of a file may have one role only.');
      else used.set(column, role);
    };
    for (const role of ['id', 'group', 'weight']) use(columns[role], `columns.${role}`);
    for (const [id, x] of items) if (typeof id === 'string' && existsLoose(x, year)) use(renamed[id] ?? id, `item "${id}"`);
    for (const [id, x] of background) if (typeof id === 'string' && existsLoose(x, year)) use(renamed[id] ?? x.column, `background variable "${id}"`);
    if (nps) {
      use(renamed.nps ?? nps.column, 'the NPS');
      use(nps.reason, 'the NPS reason');
    }
    // Codes: can't-say codes outside the scale, missing-value codes neither on the scale nor can't say.
    const min = scale.min;
    const max = scale.max;
    const onScale = (v: number) => typeof min === 'number' && typeof max === 'number' && v >= min && v <= max;
    list(e.cantSay).forEach((c, i) => {
      if (typeof c === 'number' && onScale(c)) issue(at('cantSay', i), `can't-say code ${c} lies inside the scale ${String(min)}–${String(max)}`);
    });
    const cantSay = new Set(list(e.cantSay ?? scale.cantSay));
    list(e.missing).forEach((m, i) => {
      const text = String(m).trim();
      const v = Number(text);
      if (text === '') issue(at('missing', i), 'a missing-value code cannot be blank (a blank is always "not answered")');
      else if (Number.isFinite(v) && onScale(v)) issue(at('missing', i), `missing-value code ${text} lies inside the scale ${String(min)}–${String(max)}: it would hide real answers`);
      else if (Number.isFinite(v) && cantSay.has(v))
        issue(at('missing', i), `missing-value code ${text} is also a can't-say code of ${key}`, 'A code is either "can\'t say" or "not answered", not both.');
    });
    // Breaks: of an indicator that exists in this edition and in an earlier one.
    const seen = new Set<unknown>();
    list(e.breaks).forEach((b, i) => {
      if (!isObject(b) || typeof b.id !== 'string') return;
      const x = items.get(b.id) ?? dimensions.get(b.id) ?? indices.get(b.id);
      if (seen.has(b.id)) issue(at('breaks', i, 'id'), `"${b.id}" breaks twice in ${key}`);
      seen.add(b.id);
      if (!x) issue(at('breaks', i, 'id'), `unknown item, dimension or index "${b.id}"`);
      else if (!existsLoose(x, year)) issue(at('breaks', i, 'id'), `"${b.id}" does not exist in ${key} (see its from, until or years)`);
      else if (!existsBefore(x, year)) issue(at('breaks', i, 'id'), `"${b.id}" exists in no edition before ${key}, so there is nothing to break from`);
    });
    list(e.comparable).forEach((id, i) => {
      if (typeof id === 'string' && !dimensions.has(id) && !indices.has(id)) issue(at('comparable', i), `unknown dimension or index "${id}"`);
    });
  }
}
