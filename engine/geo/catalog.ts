/**
 * The bundled catalogue of real cloud regions (AWS, GCP, Azure, IBM), generated from ../shared/data by
 * `npm run data`. Ids are `provider:code`, e.g. `aws:us-east-1`.
 */
import regionsJson from './data/regions.json' with { type: 'json' };
import type { LatLon } from './greatCircle.ts';

export type Provider = 'aws' | 'gcp' | 'azure' | 'ibm';

export interface CatalogRegion extends LatLon {
  /** `provider:code`, e.g. `aws:eu-west-1`. */
  readonly id: string;
  readonly provider: Provider;
  readonly code: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2 country or territory code. */
  readonly country: string;
  /** Legal area for data placement: `EU` for EU/EEA states, otherwise the country code. */
  readonly jurisdiction: string;
  /** Measured same-region RTT in ms where published, else null. */
  readonly intraRttMs: number | null;
}

export const catalogRegions: readonly CatalogRegion[] = regionsJson as CatalogRegion[];

const byId = new Map(catalogRegions.map((r) => [r.id, r]));

/** The catalogue entry for `provider:code`, or undefined. */
export function findCatalogRegion(id: string): CatalogRegion | undefined {
  return byId.get(id);
}
