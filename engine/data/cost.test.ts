import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { runScenario } from '../simulation.ts';
import { transferUsdPerGb } from './cost.ts';

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

  it('prices transfer out of a region by its area', () => {
    expect(transferUsdPerGb(39.04, -77.49)).toBe(0.02); // Virginia
    expect(transferUsdPerGb(53.35, -6.26)).toBe(0.02); // Dublin
    expect(transferUsdPerGb(35.68, 139.69)).toBe(0.09); // Tokyo
    expect(transferUsdPerGb(-33.87, 151.21)).toBe(0.09); // Sydney
    expect(transferUsdPerGb(-23.55, -46.63)).toBe(0.14); // Sao Paulo
    expect(transferUsdPerGb(-33.92, 18.42)).toBe(0.14); // Cape Town
    expect(transferUsdPerGb(25.2, 55.27)).toBe(0.14); // Dubai
  });
});
