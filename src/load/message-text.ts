/** Lists values for a message: `"a", "b", "c"`, cut after `max` with "…". */
export function quoteList(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  if (values.length > max) shown.push(`… (${values.length - max} more)`);
  return shown.join(', ');
}

/** Joins numbers as prose: "4", "4 and 13", "4, 9 and 13". */
export function joinAnd(list: readonly (string | number)[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** A share as a percentage for messages: 42%, 30.4%. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
