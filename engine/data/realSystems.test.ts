/**
 * The real systems of the domain notes as configurations (presets/*.json): their figures should land near the
 * public numbers (Spanner, OSDI 2012; CockroachDB's 4.8-s follower reads; DynamoDB's "usually within a second";
 * Netflix's regional evacuation).
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../presets/presets.ts';
import { runScenario } from '../simulation.ts';

function run(id: string) {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return runScenario({ ...preset.scenario, durationS: Math.min(preset.scenario.durationS, 200) });
}

const user = (report: ReturnType<typeof runScenario>, id: string) => {
  const found = report.users.find((u) => u.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe('real systems as configurations', () => {
  it('Spanner-like: strong reads are never stale; quorum writes cost tens of ms near the leader, ~100 ms across the US', () => {
    const report = run('spanner-like');
    expect(report.reads.staleRatio).toBe(0);
    // OSDI 2012: 72 ms single-site and 103 ms multi-site commits (with ~5 ms commit wait, not modelled here).
    expect(user(report, 'new-york').write.p50).toBeGreaterThan(20);
    expect(user(report, 'new-york').write.p50).toBeLessThan(80);
    expect(user(report, 'san-francisco').write.p50).toBeGreaterThan(80);
    expect(user(report, 'san-francisco').write.p50).toBeLessThan(140);
  });

  it('CockroachDB-like: follower reads are local and never staler than 4.8 s', () => {
    const report = run('cockroachdb-follower-reads');
    expect(report.reads.stalenessP99Ms).toBeLessThanOrEqual(4800);
    expect(user(report, 'tokyo').read.p50).toBeLessThan(40); // served by the Tokyo follower
  });

  it('DynamoDB Global Tables-like: replication lag under a second, and LWW drops concurrent writes', () => {
    const report = run('dynamodb-global-tables');
    for (const link of report.links) expect(link.lagMs.p99).toBeLessThan(1000);
    expect(report.conflicts.lwwDiscardedWrites).toBeGreaterThan(0);
    // Each concurrent pair drops one write; a write caught in two pairs is dropped once.
    expect(report.conflicts.lwwDiscardedWrites).toBeLessThanOrEqual(report.conflicts.concurrentPairs);
    expect(report.conflicts.lwwDiscardedWrites).toBeGreaterThan(0.5 * report.conflicts.concurrentPairs);
  });

  it('Netflix-like: a failed region is drained within seconds and users stay served', () => {
    const report = run('netflix-active-active');
    const failover = report.failovers[0];
    expect(failover?.rtoS).toBeLessThan(30);
    expect(user(report, 'new-york').availability).toBeGreaterThan(0.9);
    expect(user(report, 'new-york').servedBy['us-west-2'] ?? 0).toBeGreaterThan(0.2); // evacuated west
  });
});
