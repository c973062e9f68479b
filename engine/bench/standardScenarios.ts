/**
 * The benchmark's standard scenarios (issue 3): small (3 regions, 3k QPS), medium (10 regions, 30 populations,
 * 30k QPS) and large (25 regions, 100 populations, 100k QPS, the scale target), an hour each, with a region
 * failure in the middle so routing and failover work is part of what is measured.
 */
import citiesJson from '../geo/data/cities.json' with { type: 'json' };
import { findCatalogRegion } from '../geo/catalog.ts';
import { greatCircleKm } from '../geo/greatCircle.ts';
import type { ScenarioInput } from '../scenario/schema.ts';

const REGIONS = [
  'aws:us-east-1', 'aws:eu-west-1', 'aws:ap-northeast-1', 'aws:us-west-2', 'aws:eu-central-1', 'aws:ap-southeast-1',
  'aws:sa-east-1', 'aws:ap-south-1', 'aws:ap-southeast-2', 'aws:af-south-1', 'aws:ca-central-1', 'aws:me-central-1',
  'gcp:europe-north1', 'gcp:asia-east1', 'gcp:us-central1', 'gcp:southamerica-west1', 'azure:uaenorth', 'azure:koreacentral',
  'azure:francecentral', 'azure:southafricanorth', 'azure:mexicocentral', 'azure:japanwest', 'azure:westus3',
  'azure:newzealandnorth', 'azure:italynorth',
];

/**
 * Each region gets 50% headroom over the load its nearest populations bring (at least 10% of the total), so
 * the scenario is healthy until its failure, as a real deployment would be.
 */
function standard(name: string, regionCount: number, populationCount: number, totalQps: number): ScenarioInput {
  const cities = citiesJson.slice(0, populationCount);
  const places = REGIONS.slice(0, regionCount).map((id) => findCatalogRegion(id) ?? { lat: 0, lon: 0 });
  const load = Array.from({ length: regionCount }, () => 0);
  for (const city of cities) {
    let nearest = 0;
    places.forEach((place, r) => {
      if (greatCircleKm(city, place) < greatCircleKm(city, places[nearest] ?? place)) nearest = r;
    });
    load[nearest] = (load[nearest] ?? 0) + totalQps / populationCount;
  }
  return {
    version: 1,
    name,
    seed: 1,
    durationS: 3600,
    regions: REGIONS.slice(0, regionCount).map((catalog, i) => ({
      id: `r${i}`,
      catalog,
      capacityQps: Math.round(Math.max(1.5 * (load[i] ?? 0), 0.1 * totalQps)),
    })),
    users: cities.map((c) => ({ id: c.id, lat: c.lat, lon: c.lon, qps: totalQps / populationCount, writeRatio: 0.1, jurisdiction: c.jurisdiction })),
    routing: { policy: 'geodns', dnsTtlS: 60 },
    data: { topology: 'active-active', replication: 'async' },
    faults: [
      { kind: 'region-down', atS: 1200, region: 'r0' },
      { kind: 'region-up', atS: 2400, region: 'r0' },
    ],
  };
}

export const STANDARD_SCENARIOS = {
  small: standard('bench small: 3 regions, 3k QPS', 3, 3, 3000),
  medium: standard('bench medium: 10 regions, 30 populations, 30k QPS', 10, 30, 30_000),
  large: standard('bench large: 25 regions, 100 populations, 100k QPS', 25, 100, 100_000),
} as const;
