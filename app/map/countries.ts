/**
 * The world's countries as SVG path strings in map coordinates, from world-atlas (Natural Earth 1:110m).
 * The TopoJSON is fetched as a separate asset rather than bundled: it would double the main chunk.
 */
import { geoGraticule10, geoPath } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import { projection } from './projection.ts';

export interface CountryShape {
  /** ISO 3166-1 numeric code as world-atlas gives it, e.g. "036" for Australia. */
  readonly id: string;
  readonly name: string;
  readonly d: string;
}

export interface WorldShapes {
  readonly sphere: string;
  readonly graticule: string;
  readonly countries: readonly CountryShape[];
}

const path = geoPath(projection);

/** Country shapes from a world-atlas topology; pure, so it is tested without a network. */
export function countryShapes(topology: Topology): WorldShapes {
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const collection = feature(topology, countries);
  return {
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    countries: collection.features.map((f) => ({
      id: String(f.id ?? ''),
      name: f.properties?.name ?? '',
      d: path(f) ?? '',
    })),
  };
}

export async function loadWorldShapes(): Promise<WorldShapes> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`world map: HTTP ${response.status}`);
  return countryShapes((await response.json()) as Topology);
}
