/**
 * Below this many answers nothing about a cell is published, not even that it
 * exists: the disclosure floor. A study's minimum base (minBase) may not be
 * lower.
 */
export const DISCLOSURE_FLOOR = 5;
