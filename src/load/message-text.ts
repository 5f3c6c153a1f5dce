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

/** A count for messages, with commas between thousands as English writes them: 1,146. */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The first places of a repeated problem, as prose: "4 and 9" when they are
 * all, "2, 3, 4, 5, 7, …" when there are more than listed.
 */
export function placeList(places: readonly string[], more: boolean): string {
  return more ? `${places.join(', ')}, …` : joinAnd(places);
}
