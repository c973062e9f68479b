import { describe, expect, it } from 'vitest';
import regressions from './regressions.json' with { type: 'json' };
import { generateCase } from './generate.ts';
import { runCase } from './runCase.ts';

/** A small fixed set of random scenarios (`npm run fuzz` runs thousands), and every seed that once failed. */
const SMALL_SET = Array.from({ length: 12 }, (_, i) => 1000 + i);

describe('the invariant runner', () => {
  it.each([...regressions.seeds.map((s) => s.seed), ...SMALL_SET])('seed %i keeps every invariant', (seed) => {
    expect(runCase(generateCase(seed))).toEqual([]);
  });

  it('catches a broken invariant: a recount that disagrees with the report fails the seed', () => {
    // Seed 7 has concurrent writes to hot keys; a report that lost one pair must be caught.
    const fuzzCase = generateCase(7);
    const violations = runCase(fuzzCase, (report) => ({ ...report, conflicts: { ...report.conflicts, concurrentPairs: report.conflicts.concurrentPairs + 1 } }));
    expect(violations.map((v) => v.invariant)).toContain('concurrent pairs: recount');
  });
});
