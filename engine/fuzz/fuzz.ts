/**
 * `npm run fuzz -- --seeds N [--seed S] [--out dir]`: the invariant runner. Generates N random scenarios from
 * seeds S, S+1, ... (or the one seed S), runs each with a trace and checks every invariant (invariants.ts). A
 * failure prints its seed and the invariant, and writes a shrunk scenario file (with its live edit, if it still
 * needs one) to `dir` (default fuzz-failures/). Exits with 1 if any seed failed. Pin every failing seed found in
 * engine/fuzz/regressions.json: `npm test` runs those and a small fixed set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCase } from './generate.ts';
import { runCase, shrinkCase } from './runCase.ts';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const first = Number(value('--seed') ?? 1);
const count = value('--seeds') !== undefined ? Number(value('--seeds')) : value('--seed') !== undefined ? 1 : 100;
const outDir = value('--out') ?? 'fuzz-failures';
if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1) {
  console.error('usage: npm run fuzz -- --seeds N [--seed S] [--out dir]');
  process.exit(2);
}

let failures = 0;
const started = performance.now();
for (let seed = first; seed < first + count; seed++) {
  const fuzzCase = generateCase(seed);
  const violations = runCase(fuzzCase);
  if ((seed - first + 1) % 100 === 0) console.log(`${seed - first + 1} seeds run, ${failures} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (violations.length === 0) continue;
  failures++;
  const invariant = violations[0]?.invariant ?? '';
  const shrunk = shrinkCase(fuzzCase, invariant);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `seed-${seed}.json`);
  writeFileSync(file, `${JSON.stringify({ seed, invariant, violations, scenario: shrunk.scenario, edit: shrunk.edit }, null, 2)}\n`);
  console.log(`seed ${seed}: FAIL ${invariant}: ${violations[0]?.detail} (shrunk case: ${file})`);
  for (const v of violations.slice(1)) console.log(`  also ${v.invariant}: ${v.detail}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${count - failures} of ${count} seeds clean (${first}..${first + count - 1}), ${seconds} s`);
process.exit(failures > 0 ? 1 : 0);
