/**
 * The bundled list of major cities (engine/geo/data/cities.json, 514 of them), loaded on first use so it stays
 * out of the first screen's JavaScript.
 */
import { greatCircleKm } from '../../engine/index.ts';
import type { LatLon } from '../../engine/index.ts';

export interface City extends LatLon {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** `EU` for EU/EEA states, otherwise the country code. */
  readonly jurisdiction: string;
  readonly population: number;
}

let loading: Promise<readonly City[]> | undefined;

/** The cities, largest first; fetched once. */
export function loadCities(): Promise<readonly City[]> {
  loading ??= import('../../engine/geo/data/cities.json').then((m) => m.default as City[]);
  return loading;
}

/** The city nearest `place` within `maxKm`, or undefined: a dropped point's likely jurisdiction. */
export function nearestCity(cities: readonly City[], place: LatLon, maxKm = 400): City | undefined {
  let best: City | undefined;
  let bestKm = maxKm;
  for (const city of cities) {
    const km = greatCircleKm(place, city);
    if (km <= bestKm) {
      best = city;
      bestKm = km;
    }
  }
  return best;
}
