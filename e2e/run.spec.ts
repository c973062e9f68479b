import { expect, test, type Page } from '@playwright/test';
import { decodeScenarioHash, encodeScenarioHash } from '../engine/scenario/url.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';

/** Collects uncaught errors and console errors, so every test also checks the page stayed clean. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The simulated time the clock shows, to the engine's precision. */
async function simTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-clock').getAttribute('data-time-s'));
}

async function readP50(page: Page, userId: string): Promise<number> {
  return Number((await page.getByTestId(`read-p50-${userId}`).textContent()) ?? '');
}

/** The readout table's rows: each population's last second (latencies, serving region, availability). */
async function readoutRows(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="readout-"]').allTextContents();
}

/**
 * The readout's rows once they have caught up with the clock: views that draw the stream update a frame or a few
 * after the clock (app/store/frameSlots.ts), so read until two reads 200 ms apart agree.
 */
async function settledReadoutRows(page: Page): Promise<string[]> {
  let rows = await readoutRows(page);
  for (let i = 0; i < 25; i++) {
    await page.waitForTimeout(200);
    const again = await readoutRows(page);
    if (JSON.stringify(again) === JSON.stringify(rows)) return again;
    rows = again;
  }
  return rows;
}

function hashFor(overrides: object): string {
  const parsed = parseScenario({ ...defaultScenario, ...overrides });
  if (!parsed.ok) throw new Error('test scenario should be valid');
  return `/#${encodeScenarioHash(parsed.scenario)}`;
}

/** Clicks a region on the map (its name, beside which other nodes may sit), as a person would. */
async function clickRegion(page: Page, regionId: string): Promise<void> {
  await page.getByTestId(`region-node-${regionId}`).locator('.map-node__label').click({ position: { x: 4, y: 3 } });
}

async function started(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
}

test('play, pause, step exactly one second, keyboard, speed and a cancellable run as fast as possible', async ({ page }) => {
  const errors = watchErrors(page);
  await started(page, hashFor({ durationS: 20_000 })); // long enough that as fast as possible is still running when paused
  await page.getByRole('button', { name: 'Pause' }).click();
  const pausedAt = await simTime(page);
  await page.waitForTimeout(600);
  expect(await simTime(page)).toBe(pausedAt);

  await page.getByRole('button', { name: 'Step 1 simulated second' }).click();
  await expect.poll(() => simTime(page)).toBeCloseTo(pausedAt + 1, 6);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Keyboard, with focus on nothing in particular: ArrowRight steps, Space plays and pauses.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => simTime(page)).toBeCloseTo(pausedAt + 2, 6);
  await page.getByLabel('Step size').selectOption('10');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => simTime(page)).toBeCloseTo(pausedAt + 12, 6);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // 1x moves the clock about as fast as the wall clock; 60x about sixty times faster.
  const rate = async (): Promise<number> => {
    const t0 = await simTime(page);
    const wall0 = Date.now();
    await page.waitForTimeout(2000);
    return ((await simTime(page)) - t0) / ((Date.now() - wall0) / 1000);
  };
  await page.getByLabel('Speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  const slow = await rate();
  expect(slow).toBeGreaterThan(0.5);
  expect(slow).toBeLessThan(1.6);
  await page.getByLabel('Speed').selectOption('60');
  expect(await rate()).toBeGreaterThan(15); // well above 10x even on a busy machine

  // As fast as possible: progress in percent of the run, and Pause cancels it.
  await page.getByLabel('Speed').selectOption('max');
  const progress = page.getByTestId('run-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('%');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(progress).toBeHidden();
  // A snapshot already on its way may still land; then the clock holds still, short of the end.
  const movedOver = async (ms: number): Promise<number> => {
    const before = await simTime(page);
    await page.waitForTimeout(ms);
    return (await simTime(page)) - before;
  };
  await expect.poll(() => movedOver(300)).toBe(0);
  expect(await movedOver(700)).toBe(0);
  expect(await simTime(page)).toBeLessThan(20_000);

  await page.getByRole('button', { name: 'Reset to 0 s' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText(/^0:00 /);
  expect(errors).toEqual([]);
});

test('scrubbing back to an earlier moment replays it from the seed: the same numbers as the first time', async ({ page }) => {
  const errors = watchErrors(page);
  await started(page);
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(12);
  await page.getByRole('button', { name: 'Pause' }).click();
  const firstTime = await simTime(page);
  const second = Math.floor(firstTime);
  const firstRows = await settledReadoutRows(page);
  expect(firstRows).toHaveLength(4);

  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simTime(page), { timeout: 20_000 }).toBeGreaterThan(second + 60);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await readoutRows(page)).not.toEqual(firstRows); // the numbers did move on

  await page.getByTestId('timeline-scrubber').fill(String(second));
  await expect.poll(() => simTime(page)).toBe(second);
  await expect(page.getByTestId('timeline-status')).toHaveText('');
  expect(await settledReadoutRows(page)).toEqual(firstRows);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // a paused run stays paused
  // The chart was rebuilt up to that moment, and the run carries on from there.
  await expect(page.getByTestId('latency-series-berlin').locator('path').last()).toHaveAttribute('d', /^M.+L/);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(second + 5);
  expect(errors).toEqual([]);
});

test('clicking a region opens its fault menu; a failure shows on the map and in the fault timeline', async ({ page }) => {
  const errors = watchErrors(page);
  await started(page);
  await clickRegion(page, 'eu-west');
  const menu = page.getByRole('dialog', { name: 'Faults for region eu-west' });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: 'Fail (region down)' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
  const entries = page.getByTestId('fault-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('eu-west');
  await expect(entries.first()).toContainText('region down');

  // A gray failure from the same menu, then Escape closes it without a fault.
  await clickRegion(page, 'us-east');
  const usMenu = page.getByRole('dialog', { name: 'Faults for region us-east' });
  await usMenu.getByLabel('Added ms').fill('300');
  await usMenu.getByRole('button', { name: 'Inject gray failure' }).click();
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText('gray failure: +300 ms, 10% errors');
  await clickRegion(page, 'eu-west');
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('down');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(entries).toHaveCount(2);
  await expect(page).toHaveURL(/#s1\./);

  // Taking back the failure after it happened replays the run without it: Berlin is served from Dublin again.
  await expect(page.getByTestId('readout-berlin')).not.toContainText('eu-west', { timeout: 30_000 });
  await page.getByRole('button', { name: /^Remove region down of eu-west/ }).click();
  await expect(entries).toHaveCount(1);
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'false');
  await expect(page.getByTestId('readout-berlin')).toContainText('eu-west', { timeout: 15_000 });
  expect(errors).toEqual([]);
});

test('scheduling a region fault and a link partition ahead of time, then removing one', async ({ page }) => {
  const errors = watchErrors(page);
  await started(page);
  const entries = page.getByTestId('fault-entry');
  await page.getByTestId('fault-kind').selectOption('capacity-loss');
  await page.getByTestId('fault-region').selectOption('ap-northeast');
  await page.getByLabel('Capacity lost %').fill('40');
  await page.getByTestId('fault-at').fill('500');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('8:20');
  await expect(entries.first()).toContainText('capacity loss: 40%');
  await expect(page.locator('.run-timeline__marker')).toHaveCount(1);

  await page.getByTestId('fault-kind').selectOption('partition');
  await page.getByTestId('fault-from').selectOption('us-east');
  await page.getByTestId('fault-to').selectOption('eu-west');
  await page.getByTestId('fault-at').fill('400');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('6:40'); // in time order
  await expect(entries.first()).toContainText('us-east ↔ eu-west');
  await expect(entries.first()).toContainText('partition');

  // The link is rewritten a moment after each edit: it carries both faults, then one.
  const faultsInLink = () => {
    const decoded = decodeScenarioHash(new URL(page.url()).hash);
    return decoded.ok ? decoded.scenario.faults.length : -1;
  };
  await expect.poll(faultsInLink).toBe(2);
  await page.getByRole('button', { name: /^Remove capacity loss: 40% of ap-northeast/ }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('partition');
  await expect.poll(faultsInLink).toBe(1); // the removal is in the link too
  expect(errors).toEqual([]);
});

test('a worker that stops answering is noticed and replaced, and the run carries on with its scenario', async ({ page }) => {
  const errors = watchErrors(page);
  await started(page, '/?debug=1');
  await page.getByRole('button', { name: 'Fail region eu-west' }).click();
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
  await expect.poll(() => simTime(page)).toBeGreaterThan(5);
  await page.evaluate(() => (window as unknown as { __meridianDebug: { terminateWorker(): void } }).__meridianDebug.terminateWorker());
  const deadAt = await simTime(page);

  await expect(page.getByRole('alert')).toContainText('stopped answering', { timeout: 10_000 });
  await expect(page.getByRole('alert')).toContainText('restarted with the same scenario');
  await expect.poll(() => simTime(page), { timeout: 15_000 }).toBeGreaterThan(deadAt + 5);
  expect(await page.evaluate(() => (window as unknown as { __meridianDebug: { restarts(): number } }).__meridianDebug.restarts())).toBe(1);
  // The same scenario: the failed region is still down, Berlin is served from elsewhere, the fault is listed.
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
  await expect(page.getByTestId('fault-entry')).toHaveCount(1);
  await expect.poll(() => readP50(page, 'berlin'), { timeout: 15_000 }).toBeGreaterThan(10);

  // An uncaught exception in the worker (its error event) is handled the same way, at once.
  const erredAt = await simTime(page);
  await page.evaluate(() => (window as unknown as { __meridianDebug: { raiseWorkerError(m: string): void } }).__meridianDebug.raiseWorkerError('boom'));
  await expect(page.getByRole('alert').last()).toContainText('stopped with an error (boom)');
  await expect.poll(() => simTime(page), { timeout: 15_000 }).toBeGreaterThan(erredAt + 3);
  expect(await page.evaluate(() => (window as unknown as { __meridianDebug: { restarts(): number } }).__meridianDebug.restarts())).toBe(2);
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
  expect(errors).toEqual([]);
});

test('a lazily loaded part that fails to load is said so, and the rest of the page carries on', async ({ page }) => {
  await page.route(/\/assets\/FaultPanel-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByText('The faults panel could not be shown. Reload the page to try again.')).toBeVisible();
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
  await expect.poll(() => simTime(page)).toBeGreaterThan(2);
});
