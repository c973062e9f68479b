/**
 * Where a scenario's region is: its catalogue entry's position (and AWS code, for the measured RTT matrix),
 * or its own coordinates. Light on purpose: the UI imports it without the latency model.
 */
import { findCatalogRegion } from './catalog.ts';
import type { Region } from '../scenario/schema.ts';

export interface RegionPlace {
  readonly lat: number;
  readonly lon: number;
  /** The AWS region code when it is exactly an AWS catalogue region. */
  readonly awsCode: string | undefined;
  /** Legal area, from the region itself or its catalogue entry; undefined when unknown. */
  readonly jurisdiction: string | undefined;
}

export function regionPlace(region: Region): RegionPlace {
  const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
  return {
    lat: entry?.lat ?? region.lat ?? 0,
    lon: entry?.lon ?? region.lon ?? 0,
    awsCode: entry?.provider === 'aws' ? entry.code : undefined,
    jurisdiction: region.jurisdiction ?? entry?.jurisdiction,
  };
}
