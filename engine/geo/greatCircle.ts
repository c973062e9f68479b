import { asin, cos, sin } from '../math/index.ts';

/** A point on Earth in degrees. */
export interface LatLon {
  /** Latitude in degrees, -90..90. */
  readonly lat: number;
  /** Longitude in degrees, -180..180. */
  readonly lon: number;
}

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two points, by the haversine formula. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const sinLat = sin(dLat / 2);
  const sinLon = sin(dLon / 2);
  const h = sinLat * sinLat + cos(a.lat * RAD) * cos(b.lat * RAD) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * asin(Math.min(1, Math.sqrt(h)));
}
