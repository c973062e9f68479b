import { expect, test, type Page } from '@playwright/test';
import { playIfPaused } from './helpers.ts';
import { encodeScenarioHash } from '../engine/scenario/url.ts';
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

async function readP50(page: Page, userId: string): Promise<number> {
  const text = (await page.getByTestId(`read-p50-${userId}`).textContent()) ?? '';
  return Number(text);
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the map and the default scenario appear, and latencies stream in', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Meridian' })).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-passive, US primary');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  expect(await page.locator('.world-map__country').count()).toBeGreaterThan(150);
  for (const id of ['new-york', 'berlin', 'sao-paulo', 'tokyo']) await expect(page.getByTestId(`node-user:${id}`)).toBeVisible();
  await expect(page.locator('.map-node--region')).toHaveCount(3);
  // The engine runs in a worker and streams windows: the clock moves and Berlin's latency is European.
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
  expect(await readP50(page, 'berlin')).toBeLessThan(80);
  await expect(page.getByTestId('sim-clock')).not.toHaveText(/^0:00 /);
  await expect(page.getByTestId('latency-series-berlin').locator('path').last()).toHaveAttribute('d', /^M.+L/);
  expect(errors).toEqual([]);
});

test('dragging a population from Europe to Australia raises its latency, and a reload keeps it there', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
  const before = await readP50(page, 'berlin');
  expect(before).toBeLessThan(80);
  const linkBefore = new URL(page.url()).hash;

  const from = await centreOf(page, '[data-testid="node-user:berlin"]');
  const to = await centreOf(page, '.world-map__country[data-country="036"]'); // Australia
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.up();

  // Central Australia is thousands of km from all three regions (nearest: Tokyo, about 110 ms away).
  const far = Math.max(100, before + 60);
  await expect.poll(() => readP50(page, 'berlin'), { timeout: 20_000 }).toBeGreaterThan(far);
  await expect(page).toHaveURL(/#s1\.[0-9a-f]{8}\./);
  // The link is rewritten a moment after the edit; reload once it carries the move.
  await expect.poll(() => new URL(page.url()).hash).not.toBe(linkBefore);

  await page.reload();
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await playIfPaused(page); // the reloaded page's address carries the link: it opens paused
  const node = await centreOf(page, '[data-testid="node-user:berlin"]');
  const australia = await page.locator('.world-map__country[data-country="036"]').boundingBox();
  expect(australia).not.toBeNull();
  if (australia) {
    expect(node.x).toBeGreaterThan(australia.x);
    expect(node.x).toBeLessThan(australia.x + australia.width);
    expect(node.y).toBeGreaterThan(australia.y);
    expect(node.y).toBeLessThan(australia.y + australia.height);
  }
  await expect.poll(() => readP50(page, 'berlin'), { timeout: 20_000 }).toBeGreaterThan(far);
  await expect(page.getByTestId('readout-berlin')).toContainText('ap-northeast');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a garbage hash shows a clear message and the default scenario', async ({ page }) => {
  await page.goto('/#this-is-not-a-scenario');
  await expect(page.getByRole('alert')).toContainText('does not hold a Meridian scenario');
  await expect(page.getByRole('alert')).toContainText('Showing the default scenario');
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-passive, US primary');
  await expect(page.getByTestId('node-user:berlin')).toBeVisible();
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
});

test('hostile links run no script and render no markup', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const parsed = parseScenario({ ...defaultScenario, name: payload.slice(0, 80) });
  if (!parsed.ok) throw new Error('test scenario should be valid');
  // A valid scenario whose name is markup: shown as text, never parsed.
  await page.goto(`/#${encodeScenarioHash(parsed.scenario)}`);
  await expect(page.getByTestId('scenario-name')).toHaveText(payload.slice(0, 80));
  expect(await page.locator('img').count()).toBe(0);

  // A checksum-valid link whose scenario is invalid, with markup in many fields: a message, not markup.
  const hostile = { ...parsed.scenario, regions: [{ id: payload, lat: 1e308, lon: payload }], durationS: -1 };
  const hash = encodeScenarioHash(hostile as never);
  await page.goto('about:blank');
  await page.goto(`/#${hash}`);
  await expect(page.getByRole('alert').first()).toContainText('not valid');
  await expect(page.getByRole('alert').first()).toContainText('regions[0].lat: must be between -90 and 90');
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-passive, US primary');
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // A truncated link is damaged, and says so, on a fresh load and when pasted into an open page.
  const truncated = `/#${encodeScenarioHash(parsed.scenario).slice(0, 60)}`;
  await page.goto('about:blank');
  await page.goto(truncated);
  await expect(page.getByRole('alert').first()).toContainText('damaged');
  await page.goto('/#s9.00000000.abc');
  await expect(page.getByRole('alert').last()).toContainText('newer version');
  await expect(page.getByRole('alert').last()).toContainText('Your current scenario is unchanged');
  await expect(page).toHaveURL(/#s1\./);
});

test('failing a region live reroutes its users, and the fault is recorded in the link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect.poll(() => readP50(page, 'berlin')).toBeGreaterThan(10);
  await expect(page.getByTestId('readout-berlin')).toContainText('eu-west');
  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Fail region eu-west' }).click();
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
  // Requests to the dark region time out, then health checks notice and DNS caches drain to the US.
  await expect.poll(async () => Number(await page.getByTestId('availability-berlin').textContent()), { timeout: 20_000 }).toBeLessThan(50);
  await expect(page.getByTestId('readout-berlin')).toContainText('us-east', { timeout: 30_000 });
  await expect.poll(async () => Number(await page.getByTestId('availability-berlin').textContent()), { timeout: 20_000 }).toBe(100);
  expect(page.url()).toMatch(/#s1\./);
  const hash = new URL(page.url()).hash;
  await page.getByRole('button', { name: 'Restore region eu-west' }).click();
  await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'false');
  await expect.poll(() => new URL(page.url()).hash).not.toBe(hash); // the restore is recorded too (a moment later)
  expect(errors).toEqual([]);
});
