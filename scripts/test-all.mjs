/**
 * `npm test`: every check, in order, stopping at the first failure: typecheck, lint, unit tests, production
 * build, browser tests. Prints how long each step took.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromiumProblem } from './chromium.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

const problem = chromiumProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

rmSync('reports', { recursive: true, force: true });
const started = Date.now();
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n== ${name} ==`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`== ${name}: ok in ${seconds} s ==`);
}

/** Passed and failed test counts from the runners' JSON reports, for one closing line CI can read. */
function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync('reports/vitest.json')) {
    const unit = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
  }
  if (existsSync('reports/playwright.json')) {
    const browser = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
    passed += browser.stats.expected;
    failed += browser.stats.unexpected + browser.stats.flaky;
  }
  return { passed, failed };
}

const { passed, failed } = counts();
console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
