import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogRegions, type CatalogRegion } from '../geo/catalog.ts';
import { greatCircleKm } from '../geo/greatCircle.ts';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';
import { buildWorld } from '../world.ts';
import { computeCost } from './cost.ts';
import { CATALOGUE_PRICE_AREAS, priceAreaAt } from './priceAreas.ts';
import { transferUsdPerGb } from './transferPrices.ts';

function run(overrides: Partial<ScenarioInput> = {}) {
  const parsed = parseScenario({ ...defaultScenario, durationS: 60, simulation: { mode: 'exact' }, ...overrides });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runScenario(parsed.scenario);
}

describe('cost', () => {
  it('charges provisioned capacity by the hour, splitting what stood idle', () => {
    const report = run();
    const { computeUsd, idleComputeUsd } = report.cost.breakdown;
    // 3 regions x 1500 QPS of capacity for a minute at $0.0004 per QPS-hour.
    expect(computeUsd + idleComputeUsd).toBeCloseTo((3 * 1500 * 0.0004) / 60, 3);
    // 1100 QPS on 4500 of capacity: about a quarter busy.
    expect(computeUsd / (computeUsd + idleComputeUsd)).toBeGreaterThan(0.2);
    expect(computeUsd / (computeUsd + idleComputeUsd)).toBeLessThan(0.3);
    expect(report.cost.usdPerHour).toBeCloseTo(report.cost.totalUsd * 60, 2);
  });

  it('prices replication by bytes and route, and compression cuts it', () => {
    const plain = run();
    const compressed = run({ cost: { replicationCompression: 0.5 } });
    expect(plain.cost.transferGb).toBeGreaterThan(0);
    expect(compressed.cost.transferGb).toBeCloseTo(plain.cost.transferGb / 2, 3);
    expect(compressed.cost.breakdown.replicationUsd).toBeCloseTo(plain.cost.breakdown.replicationUsd / 2, 3);
  });

  it('charges internet egress for every answer', () => {
    const report = run();
    expect(report.cost.breakdown.egressUsd).toBeCloseTo((report.requests.ok * 4096 * 0.09) / 1e9, 4);
  });

  // The breakdown is priced pair by pair: each link's bytes at its pair's price, or at the scenario's override.
  it('prices each link at its sender\'s rate, unless the scenario sets one price for all', () => {
    const regions: ScenarioInput['regions'] = [
      { id: 'tel-aviv', catalog: 'aws:il-central-1' },
      { id: 'frankfurt', catalog: 'aws:eu-central-1' },
      { id: 'tunis', lat: 36.8, lon: 10.18 },
    ];
    // Writes applied per directed link, by index: 1e6 writes of 1000 bytes is 1 GB.
    const writes = [
      [0, 1e6, 2e6],
      [3e6, 0, 4e6],
      [5e6, 6e6, 0],
    ];
    const costOf = (cost: ScenarioInput['cost']) => {
      const parsed = parseScenario({ ...defaultScenario, regions, users: [], workload: { writeBytes: 1000 }, cost, data: { topology: 'active-active', replication: 'async', conflict: 'lww', reads: 'eventual' } });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const world = buildWorld(parsed.scenario);
      return computeCost({ scenario: parsed.scenario, world, elapsedS: 3600, regions: new Map(), replicatedWrites: (from, to) => writes[from]?.[to] ?? 0, okRequests: 0, committedWrites: 0 });
    };
    // Tel Aviv sends 3 GB at $0.1105 (priced as Bahrain, the nearest region of the AWS matrix), Frankfurt 7 GB at
    // $0.02 (its matrix row), and Tunis, custom and in Africa, 11 GB at $0.147 (AWS's Cape Town row).
    const priced = costOf({});
    expect(priced.transferGb).toBeCloseTo(21, 9);
    expect(priced.breakdown.replicationUsd).toBeCloseTo(3 * 0.1105 + 7 * 0.02 + 11 * 0.147, 4);
    const flat = costOf({ transferUsdPerGb: 0.05 });
    expect(flat.breakdown.replicationUsd).toBeCloseTo(21 * 0.05, 4);
  });
});

/** Minimal CSV reader for the published price matrix (no quoted fields in it), kept in engine/data/testdata. */
function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(SHARED_DATA, name), 'utf8').trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [keys[i], cell])));
}
const SHARED_DATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');

const end = (region: CatalogRegion) => ({ catalog: region.id, lat: region.lat, lon: region.lon });
const byProvider = (provider: CatalogRegion['provider']) => catalogRegions.filter((r) => r.provider === provider);

/**
 * Continents by country, for the catalogue's countries, written out here so that the expected prices do not come
 * from the table under test (priceAreas.ts): as the price lists draw them, Israel and the Gulf are the Middle East
 * and Mexico is North America.
 */
const CONTINENT_OF_COUNTRY: Record<string, string> = {
  US: 'north-america', CA: 'north-america', MX: 'north-america',
  BR: 'south-america', CL: 'south-america',
  GB: 'europe', IE: 'europe', FR: 'europe', DE: 'europe', NL: 'europe', BE: 'europe', CH: 'europe', AT: 'europe',
  IT: 'europe', ES: 'europe', PL: 'europe', SE: 'europe', NO: 'europe', FI: 'europe', DK: 'europe',
  IL: 'middle-east', AE: 'middle-east', QA: 'middle-east', BH: 'middle-east', SA: 'middle-east',
  ZA: 'africa',
  IN: 'asia', JP: 'asia', KR: 'asia', HK: 'asia', TW: 'asia', SG: 'asia', MY: 'asia', TH: 'asia', ID: 'asia',
  AU: 'oceania', NZ: 'oceania',
};
const continentOf = (region: CatalogRegion): string => {
  const continent = CONTINENT_OF_COUNTRY[region.country];
  if (continent === undefined) throw new Error(`${region.id}: country ${region.country} has no continent in this test`);
  return continent;
};

describe('transfer prices between catalogue regions', () => {
  const matrix = readCsv('aws_transfer_usd_per_gb_2023-04-27.csv').filter((row) => row.dst !== 'internet');
  const aws = byProvider('aws');
  const awsByCode = new Map(aws.map((r) => [r.code, r]));

  it('prices every AWS pair of the shared matrix at the matrix price', () => {
    let pairs = 0;
    for (const row of matrix) {
      const from = awsByCode.get(row.src as string);
      const to = awsByCode.get(row.dst as string);
      if (from === undefined || to === undefined) continue; // us-gov-east-1 is not in the catalogue
      expect(transferUsdPerGb(end(from), end(to)), `${row.src} -> ${row.dst}`).toBe(Number(row.cost));
      pairs++;
    }
    expect(pairs).toBe(598); // 25 catalogue senders x 24 receivers, less ap-southeast-3 to ap-northeast-3 and sa-east-1
  });

  it('prices an AWS region the matrix does not have as the nearest one it has (il-central-1 as me-south-1)', () => {
    const senders = new Set(matrix.map((row) => row.src));
    const inMatrix = aws.filter((r) => senders.has(r.code));
    const missing = aws.filter((r) => !senders.has(r.code));
    expect(missing.map((r) => r.code).sort()).toEqual(['ap-south-2', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ca-west-1', 'il-central-1', 'mx-central-1']);
    for (const region of missing) {
      const nearest = inMatrix.reduce((best, r) => (greatCircleKm(region, r) < greatCircleKm(region, best) ? r : best));
      // The nearest region's price to regions other than its special pair: the most common cost in its row.
      const counts = new Map<number, number>();
      for (const row of matrix) if (row.src === nearest.code) counts.set(Number(row.cost), (counts.get(Number(row.cost)) ?? 0) + 1);
      const usual = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      for (const to of aws) if (to !== region) expect(transferUsdPerGb(end(region), end(to)), `${region.code} (as ${nearest.code}) -> ${to.code}`).toBe(usual);
    }
    const telAviv = awsByCode.get('il-central-1') as CatalogRegion;
    expect(transferUsdPerGb(end(telAviv), end(awsByCode.get('eu-central-1') as CatalogRegion))).toBe(0.1105);
  });

  it('prices Azure by the sender\'s continent, within it and to other continents', () => {
    // azure.microsoft.com/pricing/details/bandwidth, "Data transfer between Azure regions": intra-continental
    // $0.02 North America and Europe, $0.08 Asia, Oceania and the Middle East, $0.16 Africa and South America;
    // inter-continental from North America and Europe $0.05, from the others the same as within.
    const within: Record<string, number> = { 'north-america': 0.02, europe: 0.02, asia: 0.08, oceania: 0.08, 'middle-east': 0.08, africa: 0.16, 'south-america': 0.16 };
    const across: Record<string, number> = { ...within, 'north-america': 0.05, europe: 0.05 };
    const azure = byProvider('azure');
    for (const from of azure) {
      for (const to of azure) {
        if (to === from) continue;
        const expected = continentOf(from) === continentOf(to) ? within[continentOf(from)] : across[continentOf(from)];
        expect(transferUsdPerGb(end(from), end(to)), `${from.id} -> ${to.id}`).toBe(expected);
      }
    }
    const israel = azure.find((r) => r.code === 'israelcentral') as CatalogRegion;
    const qatar = azure.find((r) => r.code === 'qatarcentral') as CatalogRegion;
    expect(transferUsdPerGb(end(israel), end(qatar))).toBe(0.08); // the Middle East, not Europe
  });

  it('prices GCP by continent, with the Oceania and Jakarta surcharge in either direction', () => {
    // Premium tier between regions, as skyplane's gcp_pricing.py transcribes GCP's list: within a continent
    // $0.01 North America, $0.02 Europe, $0.05 Asia, $0.08 South America and Oceania; between continents $0.08,
    // or $0.15 when either end is in Oceania or is Jakarta. The Middle East and Africa, not in that list: $0.08.
    const within: Record<string, number> = { 'north-america': 0.01, europe: 0.02, asia: 0.05, oceania: 0.08, 'south-america': 0.08, 'middle-east': 0.08, africa: 0.08 };
    const far = (r: CatalogRegion) => continentOf(r) === 'oceania' || r.code === 'asia-southeast2';
    const gcp = byProvider('gcp');
    for (const from of gcp) {
      for (const to of gcp) {
        if (to === from) continue;
        const expected = continentOf(from) === continentOf(to) ? within[continentOf(from)] : far(from) || far(to) ? 0.15 : 0.08;
        expect(transferUsdPerGb(end(from), end(to)), `${from.id} -> ${to.id}`).toBe(expected);
      }
    }
  });

  it('charges nothing between IBM regions (its private network is not metered)', () => {
    const ibm = byProvider('ibm');
    for (const from of ibm) for (const to of ibm) if (to !== from) expect(transferUsdPerGb(end(from), end(to))).toBe(0);
  });

  it('has every catalogue region in the table, and the continent polygons agree with it', () => {
    for (const region of catalogRegions) {
      expect(CATALOGUE_PRICE_AREAS[region.id], region.id).toBe(continentOf(region));
      expect(priceAreaAt(region.lat, region.lon), region.id).toBe(continentOf(region));
    }
    expect(Object.keys(CATALOGUE_PRICE_AREAS)).toHaveLength(catalogRegions.length);
  });
});

describe('transfer prices of custom regions', () => {
  // Regression test; this was a bug: a latitude/longitude box billed Tel Aviv, Cairo, Tunis and Casablanca as
  // Europe ($0.02).
  it('places cities on either side of the Mediterranean and the Red Sea in their continent', () => {
    const cities: [string, number, number, string][] = [
      ['Tel Aviv', 32.08, 34.78, 'middle-east'], ['Cairo', 30.04, 31.24, 'africa'], ['Tunis', 36.8, 10.18, 'africa'],
      ['Casablanca', 33.57, -7.59, 'africa'], ['Algiers', 36.75, 3.06, 'africa'], ['Tangier', 35.77, -5.8, 'africa'],
      ['Beirut', 33.9, 35.5, 'middle-east'], ['Amman', 31.95, 35.93, 'middle-east'], ['Eilat', 29.56, 34.95, 'middle-east'],
      ['Sharm el-Sheikh', 27.91, 34.33, 'africa'], ['Jeddah', 21.49, 39.19, 'middle-east'], ['Port Sudan', 19.6, 37.22, 'africa'],
      ['Aden', 12.8, 45.0, 'middle-east'], ['Djibouti', 11.59, 43.15, 'africa'], ['Tehran', 35.69, 51.39, 'middle-east'],
      ['Tarifa', 36.01, -5.6, 'europe'], ['Malta', 35.9, 14.5, 'europe'], ['Palermo', 38.1, 13.36, 'europe'],
      ['Heraklion', 35.34, 25.13, 'europe'], ['Istanbul', 41.01, 28.98, 'europe'], ['Moscow', 55.76, 37.62, 'europe'],
      ['Karachi', 24.86, 67.0, 'asia'], ['Yekaterinburg', 56.84, 60.6, 'asia'], ['Jakarta', -6.21, 106.85, 'asia'],
      ['Dili', -8.55, 125.6, 'asia'], ['Darwin', -12.46, 130.84, 'oceania'], ['Port Moresby', -9.44, 147.18, 'oceania'],
      ['Papeete', -17.53, -149.57, 'oceania'], ['Honolulu', 21.31, -157.86, 'north-america'], ['Panama City', 8.98, -79.52, 'north-america'],
      ['Cartagena', 10.4, -75.5, 'south-america'], ['Lima', -12.05, -77.04, 'south-america'], ['Lagos', 6.52, 3.38, 'africa'],
    ];
    expect(cities.filter(([, lat, lon, area]) => priceAreaAt(lat, lon) !== area).map(([name]) => name)).toEqual([]);
  });

  it('pays what AWS charges out of its region in the same continent', () => {
    const custom = (lat: number, lon: number) => ({ catalog: undefined, lat, lon });
    const frankfurt = custom(50.11, 8.68);
    const row = (code: string) => Number(readCsv('aws_transfer_usd_per_gb_2023-04-27.csv').find((r) => r.src === code && r.dst === 'eu-west-1')?.cost);
    expect(transferUsdPerGb(custom(32.08, 34.78), frankfurt)).toBe(row('me-south-1')); // Tel Aviv: $0.1105, was $0.02
    expect(transferUsdPerGb(custom(30.04, 31.24), frankfurt)).toBe(row('af-south-1')); // Cairo: $0.147, was $0.02
    expect(transferUsdPerGb(custom(36.8, 10.18), frankfurt)).toBe(row('af-south-1')); // Tunis
    expect(transferUsdPerGb(custom(33.57, -7.59), frankfurt)).toBe(row('af-south-1')); // Casablanca
    expect(transferUsdPerGb(custom(48.86, 2.35), frankfurt)).toBe(row('eu-west-3')); // Paris: $0.02
    expect(transferUsdPerGb(custom(-23.55, -46.63), frankfurt)).toBe(row('sa-east-1')); // São Paulo: $0.138
    expect(transferUsdPerGb(custom(-33.87, 151.21), frankfurt)).toBe(row('ap-southeast-2')); // Sydney: $0.098
    expect(transferUsdPerGb(custom(35.68, 139.69), frankfurt)).toBe(row('ap-northeast-1')); // Tokyo: $0.09
    expect(transferUsdPerGb(custom(40.71, -74.01), frankfurt)).toBe(row('us-east-1')); // New York: $0.02
  });
});
