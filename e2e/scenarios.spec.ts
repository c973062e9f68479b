/**
 * Issue 6 as a person uses it: the preset gallery, preset outcomes in the app, a shared link reproducing the
 * same report in a fresh browser, a drill to its scorecard, embed mode, A/B compare, export, and hostile links
 * that leave the autosaved work in place.
 */
import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../engine/presets/presets.ts';
import { encodeScenarioHash } from '../engine/scenario/url.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';
import { autosavedScenario } from './helpers.ts';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

async function ready(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
}

async function openPreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-presets').click();
  await page.getByTestId(`preset:${id}`).click();
  await expect(page.getByTestId('presets-dialog')).not.toBeVisible();
}

/** Runs the current scenario to its end as fast as possible. */
async function runToEnd(page: Page): Promise<void> {
  const controls = page.getByRole('group', { name: 'Simulation' });
  await controls.getByLabel('Speed').selectOption('max');
  const play = controls.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await expect(controls.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 90_000 });
}

test('every preset opens from the gallery, with its notes', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page);
  for (const preset of PRESETS) {
    await openPreset(page, preset.id);
    await expect(page.getByTestId('scenario-name')).toHaveText(preset.title);
    await expect(page.getByTestId('preset-notes')).toContainText(preset.notice[0] ?? '');
    await expect(page.locator('.map-node--region')).toHaveCount(preset.scenario.regions.length);
  }
  expect(errors).toEqual([]);
});

test("a preset's expected outcomes hold in the app at the end of its run", async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page);
  await openPreset(page, 'conflicts-lww');
  await runToEnd(page);
  const checks = page.getByTestId('preset-checks');
  await expect(checks).toHaveAttribute('data-final', 'true');
  const states = await checks.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));
  expect(states).toEqual(['pass', 'pass', 'pass']);
  expect(errors).toEqual([]);
});

test('a copied link opened in a new browser shows the same report numbers', async ({ page, browser }) => {
  await ready(page);
  await openPreset(page, 'replication-async');
  await runToEnd(page);
  await page.getByTestId('open-export').click();
  const report = await page.getByTestId('incident-report').textContent();
  expect(report).toContain('Acknowledged writes lost:');
  expect(report).toContain('| 1:00.0 | us-east goes dark |');
  // Every second's metrics as CSV: a row per second and population.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Metrics per second (CSV)' }).click();
  const csv = (await (await (await csvDownload).createReadStream()).toArray()).join('');
  const rows = csv.trim().split('\n');
  expect(rows[0]).toBe('startS,kind,id,readP50Ms,readP99Ms,writeP50Ms,writeP99Ms,ok,failed,servedBy,regionServed,regionDropped,capacityQps');
  expect(rows.filter((r) => r.includes(',population,berlin,'))).toHaveLength(120);
  await page.getByRole('button', { name: 'Close Export this run' }).click();
  await page.getByTestId('open-share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeLessThan(2048);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  expect(link).toContain('preset=replication-async');
  await ready(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('preset-notes')).toContainText('What to notice'); // the notes travel with the link
  await runToEnd(other);
  await other.getByTestId('open-export').click();
  await expect(other.getByTestId('incident-report')).toHaveText(report ?? '');
  await fresh.close();
});

test('a drill runs to its scorecard: predictions, actions, checkpoints, and back', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page);
  await page.getByTestId('open-drills').click();
  await page.getByTestId('drill:lww-silent-drop').click();
  const player = page.getByTestId('drill-player');
  await expect(player).toBeVisible();
  // The drill's world replaces the scenario: not an edit the history line describes.
  await expect(page.getByTestId('edit-status')).toHaveText('');
  const next = page.getByTestId('drill-next');
  // Step through: answer each question right (the second choice in this drill), do everything else.
  const progress = page.getByTestId('drill-progress');
  for (let i = 0; i < 20; i++) {
    if (await page.getByTestId('drill-scorecard').isVisible()) break;
    const before = await progress.textContent();
    const kind = await page.getByTestId('drill-current').getAttribute('data-kind');
    if (kind === 'question') await page.getByTestId('drill-current').getByRole('radio').nth(1).check();
    await next.click();
    // The step is done once the progress moves on (or the scorecard shows, after the last): the button was
    // visible already, so waiting for it raced with the step (a click on the finished drill's disabled button).
    await expect(async () => {
      const moved = (await progress.textContent()) !== before || (await page.getByTestId('drill-scorecard').isVisible());
      expect(moved).toBe(true);
    }).toPass();
  }
  await expect(page.getByTestId('drill-scorecard')).toContainText('Predictions: 2 of 2 right. Checks: 4 of 4 passed.');
  // The map shows the drill's world: the CRDT switch is in the scenario now.
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-time-s', /^120/);
  // Back to the first checkpoint: replayed from the seed, with the same numbers.
  const firstChecks = await page.getByTestId('drill-checks').first().textContent();
  await page.getByRole('button', { name: 'Go back to step 4' }).click();
  await expect(page.getByTestId('drill-progress')).toContainText('Step 4 of');
  await next.click();
  await expect(page.getByTestId('drill-checks').first()).toHaveText(firstChecks ?? '');
  expect(errors).toEqual([]);
});

test('embed mode shows no editing controls and links out to the full app', async ({ page }) => {
  const errors = watchErrors(page);
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('invalid');
  await ready(page, `/?embed=1#${encodeScenarioHash(parsed.scenario)}`);
  await expect(page.getByRole('link', { name: 'Open in Meridian' })).toBeVisible();
  await expect(page.locator('.editor-column')).toHaveCount(0);
  await expect(page.getByTestId('open-presets')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Fail region/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /undo/i })).toHaveCount(0);
  await expect(page.getByTestId('sim-clock')).toBeVisible();
  expect(errors).toEqual([]);
});

test('A/B compare: sync against async on the same seed', async ({ page }) => {
  await ready(page);
  await openPreset(page, 'replication-async');
  await page.getByTestId('open-compare').click();
  await page.getByLabel('Setting to change').selectOption({ label: 'Replication' });
  await page.getByTestId('compare-value').selectOption('sync');
  await page.getByTestId('compare-run').click();
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('tr[data-metric="ackedWritesLost"]')).toHaveAttribute('data-verdict', 'better');
  await expect(table.locator('tr[data-metric="writeP50Ms:new-york"]')).toHaveAttribute('data-verdict', 'worse');
  await expect(page.getByTestId('compare-chart').locator('path')).toHaveCount(6);
  // Writes: sync's dashed lines sit well above async's.
  await page.getByLabel('Latency to overlay').selectOption('writeP50');
  await expect(page.getByTestId('compare-chart').getByRole('img')).toHaveAttribute('aria-label', 'Write latency of A and B over simulated time');
});

test('hostile links show a message, run no script, and leave the autosaved work in place', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page);
  await openPreset(page, 'conflicts-crdt');
  await expect(page.getByTestId('scenario-name')).toHaveText('Alice and Bob with a CRDT register');
  await expect.poll(async () => (await autosavedScenario(page))?.name).toBe('Alice and Bob with a CRDT register'); // written a moment after the change
  let alerted = false;
  page.on('dialog', (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const hostile = { ...defaultScenario, name: markup, regions: defaultScenario.regions.map((r) => ({ ...r, name: markup })), users: (defaultScenario.users ?? []).map((u) => ({ ...u, name: markup })) };
  const parsed = parseScenario(hostile);
  if (!parsed.ok) throw new Error('hostile names are valid strings');
  const good = encodeScenarioHash(parsed.scenario);
  const links = [
    `s1.${good.slice(3, 11)}.${good.slice(12, 60)}`, // truncated
    `s9.00000000.abc`, // a newer version
    `s1.deadbeef.${good.slice(12)}`, // tampered checksum
    encodeScenarioHash({ ...parsed.scenario, durationS: 1e300 } as never), // absurd number
  ];
  for (const link of links) {
    await page.goto(`/#${link}`);
    await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText(/link/i);
    await page.goto('/');
    await expect(page.getByTestId('scenario-name')).toHaveText('Alice and Bob with a CRDT register');
  }
  // Markup in every string field is shown as text, never run.
  await page.goto(`/#${good}`);
  await expect(page.getByTestId('scenario-name')).toHaveText(markup);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(alerted).toBe(false);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('export the scenario as JSON and import it back; a broken file changes nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await ready(page);
  await openPreset(page, 'gdpr-data-placement');
  await page.getByTestId('open-share').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('gdpr-data-placement-eu-pii-stays-in-the-eu.json');
  const exported = JSON.parse((await (await file.createReadStream()).toArray()).join(''));
  expect(exported.regions.map((r: { id: string }) => r.id)).toEqual(['eu-west', 'eu-central', 'us-east']);

  // Something else is open; importing the file brings the scenario back.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-dialog')).not.toBeVisible();
  await openPreset(page, 'conflicts-lww');
  await page.getByTestId('open-share').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'gdpr.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByTestId('scenario-name')).toHaveText('GDPR data placement: EU PII stays in the EU');

  await page.getByTestId('open-share').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"regions":[{"id":"x","lat":300,"lon":0}]}') });
  await expect(page.getByRole('alert').first()).toContainText('broken.json is not a valid scenario: nothing was changed.');
  await expect(page.getByRole('alert').first()).toContainText('regions[0].lat: must be between -90 and 90');
  await expect(page.getByTestId('scenario-name')).toHaveText('GDPR data placement: EU PII stays in the EU');
  expect(errors).toEqual([]);
});

test('presenter mode hides the editing chrome and enlarges the type', async ({ page }) => {
  await ready(page);
  await expect(page.locator('.editor-column')).toHaveCount(1);
  const before = await page.locator('.app').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  await page.getByTestId('toggle-present').click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  await expect(page.locator('.editor-column')).toHaveCount(0);
  const after = await page.locator('.app').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before);
});
