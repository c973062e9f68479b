import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioHash } from '../engine/scenario/url.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';
import type { ScenarioInput } from '../engine/scenario/schema.ts';
import { playIfPaused } from './helpers.ts';

/** Collects uncaught errors and console errors, so every test also checks the page stayed clean. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

function hashOf(input: ScenarioInput): string {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return `/#${encodeScenarioHash(parsed.scenario)}`;
}

/** The page coordinates of the middle of an SVG path (its bounding box centre may be off the stroke). */
async function middleOf(page: Page, testId: string): Promise<{ x: number; y: number }> {
  return page.getByTestId(testId).evaluate((element) => {
    const path = element as SVGPathElement;
    const point = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    if (!m) throw new Error('path is not rendered');
    return { x: point.x * m.a + point.y * m.c + m.e, y: point.x * m.b + point.y * m.d + m.f };
  });
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });

test('arcs follow the traffic when a region fails, and the failover timeline and lag chart fill in', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  // An arc from every population to the region serving it, with a tooltip in words.
  for (const [user, region] of [['new-york', 'us-east'], ['berlin', 'eu-west'], ['sao-paulo', 'us-east'], ['tokyo', 'ap-northeast']]) {
    await expect(page.getByTestId(`arc:${user}:${region}`)).toHaveAttribute('d', /^M.+L/);
  }
  // Pointing at an arc shows its numbers in words.
  const arc = await middleOf(page, 'arc:sao-paulo:us-east');
  await page.mouse.move(arc.x, arc.y);
  await expect(page.getByTestId('flow-tooltip')).toHaveText(/^Sao Paulo users -> us-east: \d+ ms p50, \d+% of its traffic$/);
  await page.mouse.move(arc.x + 200, arc.y + 200);
  // The primary ships writes to both standbys: marks move on those links.
  await expect(page.getByTestId('flow:us-east:eu-west')).toBeVisible();
  await expect(page.getByTestId('region-state:eu-west')).toHaveAttribute('data-dark', 'false');

  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Fail region eu-west' }).click();
  await expect(page.getByTestId('region-state:eu-west')).toHaveAttribute('data-dark', 'true');
  // Berlin's clients still go to eu-west and time out there: the arc turns into a failing one.
  await expect(page.getByTestId('arc:berlin:eu-west')).toHaveAttribute('data-failing', 'true', { timeout: 20_000 });
  // Health checks notice, DNS caches drain: Berlin's arc moves to a surviving region.
  await expect(page.getByTestId('arc:berlin:us-east')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('arc:berlin:eu-west')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('flow:us-east:eu-west')).toHaveCount(0); // nothing reaches a dark region

  await tab(page, 'Failover').click();
  const timeline = page.getByTestId('failover-timeline');
  await expect(timeline.getByTestId('moment-failed')).toHaveCount(1);
  await expect(timeline.getByTestId('moment-detected')).toHaveCount(1, { timeout: 20_000 });
  await expect(timeline.getByTestId('moment-rerouted')).toHaveCount(1, { timeout: 20_000 });
  await expect(timeline).toContainText(/eu-west region-down.*RTO \d/);
  await expect(timeline.getByTestId('moment-detected').locator('title')).toHaveText(/^detected at [\d.]+ s \(\+[\d.]+ s\)$/);

  await tab(page, 'Replication').click();
  await expect(page.getByTestId('lag-chart')).toBeVisible();
  await expect(page.getByTestId('lag-series-us-east-eu-west').locator('path')).toHaveAttribute('d', /^M.+L.+L/);
  await expect(page.getByTestId('rtt-matrix').locator('.rtt__cell')).toHaveCount(9);
  // Pointing at the chart reads the values at that second.
  const lagBox = await page.getByTestId('lag-chart').locator('svg').boundingBox();
  if (!lagBox) throw new Error('lag chart not drawn');
  await page.mouse.move(lagBox.x + lagBox.width * 0.15, lagBox.y + lagBox.height / 2);
  await expect(page.getByTestId('lag-chart-hover')).toContainText(/us-east -> eu-west: [\d.]+ (ms|s|min)/);

  await tab(page, 'Health').click();
  await expect(page.getByTestId('availability-series-berlin')).toHaveAttribute('d', /^M.+L/);
  await expect(page.getByTestId('load-series-us-east').locator('path').last()).toHaveAttribute('d', /^M.+L/);
  await tab(page, 'Cost').click();
  await expect(page.getByTestId('cost-breakdown')).toContainText(/So far: \$/);
  expect(errors).toEqual([]);
});

test('clicking a replication link partitions it (red dashed, lag climbing) and clicking again heals it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('flow:us-east:eu-west')).toBeVisible();
  const link = page.getByTestId('link:us-east:eu-west');
  await expect(link).toHaveAttribute('data-partitioned', 'false');
  const middle = await middleOf(page, 'link:us-east:eu-west');
  await page.mouse.click(middle.x, middle.y);
  await expect(link).toHaveAttribute('data-partitioned', 'true');
  await expect(page.getByTestId('flow:us-east:eu-west')).toHaveCount(0);
  await page.mouse.move(middle.x, middle.y + 1);
  await expect(page.getByTestId('flow-tooltip')).toContainText('us-east <-> eu-west: partitioned');
  await expect(page.getByTestId('flow-tooltip')).toContainText('Click to heal the partition');

  await tab(page, 'Replication').click();
  await expect(page.getByTestId('lag-series-us-east-eu-west').locator('.chart__partition')).toHaveCount(1);
  await expect(page.getByTestId('lag-chart')).toContainText(/us-east -> eu-west [\d.]+ (s|min)/, { timeout: 20_000 });

  await page.mouse.click(middle.x, middle.y);
  await expect(link).toHaveAttribute('data-partitioned', 'false');
  await expect(page.getByTestId('flow:us-east:eu-west')).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('an active-active run with a region failure lists conflicts side by side and the writes it lost', async ({ page }) => {
  const errors = watchErrors(page);
  const scenario: ScenarioInput = {
    ...defaultScenario,
    name: 'Active-active, async, last writer wins',
    durationS: 120,
    users: (defaultScenario.users ?? []).map((u) => ({ ...u, writeRatio: 0.3 })),
    // Tokyo's clock runs half a second ahead: last-writer-wins keeps some of its earlier writes over later ones.
    regions: (defaultScenario.regions ?? []).map((r) => (r.id === 'ap-northeast' ? { ...r, clockSkewMs: 500 } : r)),
    workload: { keyCount: 1000 },
    routing: { policy: 'geodns', dnsTtlS: 10, healthCheck: { intervalS: 5, timeoutS: 2, failureThreshold: 2 } },
    data: { topology: 'active-active', replication: 'async', conflict: 'lww', reads: 'eventual', replicationBatchMs: 200 },
    faults: [{ kind: 'region-down', atS: 15, region: 'eu-west' }],
  };
  await page.goto(hashOf(scenario));
  await playIfPaused(page); // a link opens paused
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-active, async, last writer wins');
  await page.getByLabel('Speed').selectOption('60');

  await tab(page, 'Data').click();
  const conflicts = page.getByTestId('conflict-inspector');
  await expect(conflicts.getByTestId('conflict-row').first()).toBeVisible({ timeout: 20_000 });
  const first = conflicts.getByTestId('conflict-row').first();
  await expect(first).toContainText(/true time [\d.]+ s/);
  await expect(first).toContainText(/timestamp [\d.]+ s/);
  await expect(first).toContainText('LWW keeps it');
  await expect(first).toContainText('A CRDT');
  const wrong = conflicts.locator('.conflict.is-wrong').first();
  await expect(wrong).toContainText('wrong winner (clock skew)');
  await expect(wrong).toContainText(/ap-northeast's earlier write \(its clock runs ahead\)/);
  await expect(wrong).toContainText('(+500 ms)');
  await expect(page.getByTestId('read-consistency')).toContainText('Stale reads');

  await tab(page, 'Failover').click();
  const ledger = page.getByTestId('lost-write-ledger');
  await expect(ledger.getByTestId('ledger-row').first()).toBeVisible({ timeout: 20_000 });
  await expect(ledger.getByTestId('ledger-row').first()).toContainText('eu-west');
  await expect(ledger).toContainText(/\d+ acknowledged writes lost, RPO [\d.]+ (ms|s|min)\)/);
  await expect(page.getByTestId('timeline-rpo')).not.toHaveText(/RPO 0 s/);

  await tab(page, 'Replication').click();
  await expect(page.getByTestId('conflicts-chart').getByTestId('total-series-conflicts')).toHaveAttribute('d', /^M.+L/);
  expect(errors).toEqual([]);
});

test('a compliance violation names its data and route, and pointing at it rings the region on the map', async ({ page }) => {
  const errors = watchErrors(page);
  const scenario: ScenarioInput = {
    ...defaultScenario,
    name: 'PII kept in its jurisdiction, unpinned',
    data: { ...defaultScenario.data, datasets: [{ id: 'profiles', class: 'pii', placement: 'jurisdiction', pinned: false }] },
  };
  await page.goto(hashOf(scenario));
  await playIfPaused(page); // a link opens paused
  await expect(page.getByTestId('scenario-name')).toHaveText('PII kept in its jurisdiction, unpinned');
  await tab(page, 'Data').click();
  const row = page.getByTestId('compliance-violations').getByTestId('violation-row').first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('pii');
  await expect(row).toContainText(/-> \S+/);
  await expect(page.locator('[data-testid^="region-highlight:"]')).toHaveCount(0);
  await row.getByRole('button').hover();
  await expect(page.locator('[data-testid^="region-highlight:"]').first()).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(page.locator('[data-testid^="region-highlight:"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`every Watch tab reads well in the ${theme} theme (no serious WCAG A/AA issue), and marks stand still under reduced motion`, async ({ page }) => {
    // Five axe passes over the panel, seconds of CPU each (the Data tab's lists the most) on a shared machine: one
    // theme per test, and the time a slow test gets.
    test.slow();
    const errors = watchErrors(page);
    const scenario: ScenarioInput = {
      ...defaultScenario,
      name: 'Active-active with a failure and a partition',
      data: { topology: 'active-active', replication: 'async', conflict: 'lww', reads: 'session', datasets: [{ id: 'profiles', class: 'pii', placement: 'jurisdiction', pinned: false }] },
      faults: [
        { kind: 'region-down', atS: 30, region: 'eu-west' },
        { kind: 'partition', atS: 35, from: 'us-east', to: 'ap-northeast', direction: 'both' },
      ],
    };
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(hashOf(scenario));
    await playIfPaused(page); // a link opens paused
    // Under reduced motion a flowing link is a still dotted line, and nothing of ours animates.
    await expect(page.getByTestId('flow:us-east:eu-west')).toHaveClass('flow-link__still');
    expect(await page.locator('.flow-dot').count()).toBe(0);
    await page.getByLabel('Speed').selectOption('60');
    await expect(page.getByTestId('arc:berlin:us-east')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('link:us-east:ap-northeast')).toHaveAttribute('data-partitioned', 'true');
    await page.getByRole('button', { name: 'Pause' }).click();
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const name of ['Health', 'Replication', 'Failover', 'Data', 'Cost']) {
      await tab(page, name).click();
      await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
      const results = await new AxeBuilder({ page })
        .include('[data-testid="watch-panel"]')
        .include('.flow-legend')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${theme} ${name}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(serious).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

test('scrubbing the run back and forth brings the panels to that moment (the report comes with the replay)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(hashOf({ ...defaultScenario, faults: [{ kind: 'region-down', atS: 20, region: 'eu-west' }] }));
  await playIfPaused(page); // a link opens paused
  await page.getByLabel('Speed').selectOption('60');
  await tab(page, 'Failover').click();
  const timeline = page.getByTestId('failover-timeline');
  await expect(timeline.getByTestId('moment-rerouted')).toHaveCount(1, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('timeline-scrubber').fill('10');
  await expect(page.getByTestId('sim-clock')).toHaveText(/^0:10 /);
  await expect(timeline).toContainText('No region has failed yet');
  await expect(page.getByTestId('region-state:eu-west')).toHaveAttribute('data-dark', 'false');
  await page.getByTestId('timeline-scrubber').fill('150');
  await expect(page.getByTestId('sim-clock')).toHaveText(/^2:30 /);
  await expect(timeline.getByTestId('moment-detected')).toHaveCount(1);
  await expect(page.getByTestId('region-state:eu-west')).toHaveAttribute('data-dark', 'true');
  expect(errors).toEqual([]);
});
