/**
 * One scenario and seed give the same report in the browser as on the command line, byte for byte: the built
 * app runs each preset from its link to the end and exports the report as JSON; `npm run sim -- <file> --json`
 * runs the same scenario in Node. The two V8s (Chromium's and Node's) may differ in the last bit of Math.sin,
 * exp, log and the like, which is why the engine computes those in engine/math/ instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { findPreset } from '../engine/presets/presets.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { encodeScenarioHash } from '../engine/scenario/url.ts';
import { opened, watchErrors } from './helpers.ts';

/** Presets that exercise distances, log-normal service times, Zipf keys, conflicts, failover and routing. */
const PRESET_IDS = [
  'conflicts-lww',
  'conflicts-crdt',
  'active-active',
  'dynamodb-global-tables',
  'netflix-active-active',
  'cockroachdb-follower-reads',
  'replication-async',
  'active-passive',
  'spanner-like',
  'routing-geodns',
];
const SEEDS = [1, 7];

function scenarioOf(id: string, seed: number): Scenario {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const parsed = parseScenario({ ...structuredClone(preset.scenario), seed });
  if (!parsed.ok) throw new Error(`${id} is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** The command line's JSON report of `scenario`, exactly as it prints it. */
function cliReport(scenario: Scenario, dir: string): string {
  const file = join(dir, `${scenario.name.replace(/\W+/g, '-')}-${scenario.seed}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return execFileSync(process.execPath, ['--import', 'tsx', 'engine/cli.ts', file, '--json'], { encoding: 'utf8' });
}

/** Runs the open scenario to its end as fast as possible, then downloads the report as JSON. */
async function appReport(page: Page): Promise<string> {
  const controls = page.getByRole('group', { name: 'Simulation' });
  await controls.getByLabel('Speed').selectOption('max');
  const play = controls.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await expect(controls.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('open-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report (JSON)' }).click();
  const text = (await (await (await downloading).createReadStream()).toArray()).join('');
  await page.getByRole('button', { name: 'Close Export this run' }).click();
  return text;
}

/** The first line where two texts differ, with its number, or null when they are equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  for (let i = 0; i < Math.max(linesA.length, linesB.length); i++) {
    if (linesA[i] !== linesB[i]) return `line ${i + 1}: browser ${JSON.stringify(linesA[i])}, cli ${JSON.stringify(linesB[i])}`;
  }
  return 'same lines, different bytes';
}

test(`the exported report equals the command line's byte for byte (${PRESET_IDS.length} presets x ${SEEDS.length} seeds)`, async ({ page }) => {
  test.setTimeout(PRESET_IDS.length * SEEDS.length * 30_000);
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'meridian-same-report-'));
  const differences: string[] = [];
  try {
    for (const id of PRESET_IDS) {
      for (const seed of SEEDS) {
        const scenario = scenarioOf(id, seed);
        await opened(page, `/?same-report=${id}-${seed}#${encodeScenarioHash(scenario)}`);
        await expect(page.getByTestId('scenario-name')).toHaveText(scenario.name);
        const browser = await appReport(page);
        const cli = cliReport(scenario, dir);
        expect(JSON.parse(browser).requests.total, `${id} seed ${seed} ran`).toBeGreaterThan(0);
        const difference = firstDifference(browser, cli);
        if (difference) differences.push(`${id} seed ${seed}: ${difference}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`same report: ${PRESET_IDS.length * SEEDS.length - differences.length} of ${PRESET_IDS.length * SEEDS.length} pairs equal`);
  expect(differences).toEqual([]);
  expect(errors).toEqual([]);
});
