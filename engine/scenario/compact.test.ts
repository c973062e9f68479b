import { describe, expect, it } from 'vitest';
import { PRESETS } from '../presets/presets.ts';
import { catalogRegions } from '../geo/catalog.ts';
import { compactScenario, deepEqual } from './compact.ts';
import { defaultScenario } from './defaultScenario.ts';
import { parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';
import LZString from 'lz-string';
import { crc32Hex, decodeScenarioHash, encodeScenarioHash } from './url.ts';

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** Ten AWS regions, ten cities, a fault of every kind: a realistic big shared scenario. */
function tenRegions(): Scenario {
  const aws = catalogRegions.filter((r) => r.provider === 'aws').slice(0, 10);
  return parsed({
    version: 1,
    name: 'Ten regions',
    seed: 42,
    durationS: 900,
    regions: aws.map((r, i) => ({ id: `r${i}`, catalog: `aws:${r.code}`, capacityQps: 2000 + i * 100 })),
    users: aws.map((r, i) => ({ id: `u${i}`, name: r.city, lat: r.lat + 1, lon: r.lon + 1, qps: 100 * (i + 1), writeRatio: 0.2 })),
    routing: { policy: 'anycast', healthCheck: { intervalS: 5 } },
    data: { topology: 'active-active', replication: 'semi-sync', quorum: 2, datasets: [{ id: 'p', class: 'pii', placement: 'jurisdiction' }] },
    faults: [
      { kind: 'region-down', atS: 100, region: 'r1' },
      { kind: 'region-up', atS: 200, region: 'r1' },
      { kind: 'gray-failure', atS: 300, region: 'r2', addedMs: 200 },
      { kind: 'capacity-loss', atS: 400, region: 'r3', fraction: 0.5 },
      { kind: 'partition', atS: 500, from: 'r4', to: 'r5' },
      { kind: 'link-degrade', atS: 600, from: 'r6', to: 'r7', addedMs: 50, loss: 0.01 },
      { kind: 'link-heal', atS: 700, from: 'r4', to: 'r5' },
    ],
  });
}

describe('compact scenarios', () => {
  it('parse back to exactly the same scenario, for every preset, the default and a big one', () => {
    for (const scenario of [...PRESETS.map((p) => p.scenario), parsed(defaultScenario), tenRegions()]) {
      expect(deepEqual(parsed(compactScenario(scenario)), scenario)).toBe(true);
    }
  });

  it('leave defaults out and keep every choice that differs', () => {
    const compact = compactScenario(tenRegions());
    expect(compact.regions).toContainEqual({ id: 'r0', catalog: expect.stringMatching(/^aws:/), capacityQps: 2000 });
    expect(compact.routing).toEqual({ policy: 'anycast', healthCheck: { intervalS: 5 } });
    expect(compact.simulation).toBeUndefined();
    expect(compact.faults).toContainEqual({ kind: 'region-down', atS: 100, region: 'r1' });
  });

  it('keep a ten-region link under 2 KB, and it opens to the same scenario', () => {
    const scenario = tenRegions();
    const hash = encodeScenarioHash(scenario);
    expect(hash.length).toBeLessThan(2048);
    const decoded = decodeScenarioHash(hash);
    expect(decoded.ok && deepEqual(decoded.scenario, scenario)).toBe(true);
  });

  it('still opens links made before compaction (the whole scenario, every default written out) to the same scenario', () => {
    const scenario = tenRegions();
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify(scenario)); // how links were made before
    const decoded = decodeScenarioHash(`s1.${crc32Hex(payload)}.${payload}`);
    expect(decoded.ok && deepEqual(decoded.scenario, scenario)).toBe(true);
  });
});
