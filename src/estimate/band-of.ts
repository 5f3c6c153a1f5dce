import { roundHalfAwayFromZero } from './round.ts';

export interface BandLike {
  id: string;
  min?: number;
}

/**
 * The band of a value, decided on the value rounded to two decimals (as
 * displayed): the first band whose min <= rounded value; the last band (no min)
 * otherwise. Bands are ordered from the highest. So 3.995 shows as 4.00 and is
 * in a band from 4; 2.4999 shows as 2.50 and is in a band from 2.5.
 *
 * A NaN value falls to the last band: test for missing values first. Throws a
 * RangeError for an empty list of bands (a configuration error).
 */
export function bandOf<B extends BandLike>(value: number, bands: readonly B[]): B {
  if (bands.length === 0) throw new RangeError('bandOf: no bands');
  const shown = roundHalfAwayFromZero(value, 2);
  for (const band of bands) {
    if (band.min !== undefined && band.min <= shown) return band;
  }
  return bands[bands.length - 1];
}
