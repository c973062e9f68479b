/**
 * The map's projection: longitude/latitude to the canvas's flow coordinates and back. The world map and every
 * node are placed with it, so a node dragged on the canvas has a real position on Earth.
 */
import { geoNaturalEarth1, type GeoProjection } from 'd3';
import type { LatLon } from '../../engine/index.ts';

/** Size of the whole world in flow units (pixels at zoom 1). */
export const MAP_WIDTH = 1600;
export const MAP_HEIGHT = 832;

export const projection: GeoProjection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'Sphere' });

export interface Point {
  readonly x: number;
  readonly y: number;
}

export function project(place: LatLon): Point {
  const [x, y] = projection([place.lon, place.lat]) ?? [0, 0];
  return { x, y };
}

/** The place under a canvas point, clamped to valid coordinates; undefined off the globe. */
export function unproject(point: Point): LatLon | undefined {
  const result = projection.invert?.([point.x, point.y]);
  if (!result || !Number.isFinite(result[0]) || !Number.isFinite(result[1])) return undefined;
  const [lon, lat] = result;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
  // Round trip must land back on the point: outside the globe's outline, invert extrapolates.
  const back = project({ lat, lon });
  if (Math.hypot(back.x - point.x, back.y - point.y) > 0.5) return undefined;
  return { lat: round(lat), lon: round(lon) };
}

/** Four decimals: about 11 m, finer than any latency it could change. */
function round(degrees: number): number {
  return Math.round(degrees * 10_000) / 10_000;
}
