/** The screen says what the run knows: who takes the writes, durations in one format, honest compare and exports. */
import { expect, test, type Page } from '@playwright/test';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';
import { linkFor, opened, watchErrors } from './helpers.ts';

const role = (page: Page, regionId: string) => page.getByTestId(`region-role-${regionId}`);

/** Plays the run if it is paused (a link opens paused at its start). */
async function play(page: Page): Promise<void> {
  const playButton = page.getByRole('button', { name: 'Play', exact: true });
  if (await playButton.isVisible()) await playButton.click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
}

test('after a promotion the map and the inspector mark the new primary and the old one down', async ({ page }) => {
  const errors = watchErrors(page);
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 5 }] }));
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'primary');
  await expect(role(page, 'eu-west')).toHaveCount(0);
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary', { timeout: 30_000 });
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'former-down');
  await expect(role(page, 'us-east')).toHaveText('was primary, down');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('region-node-eu-west').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/Primary: takes the writes/);
  await page.getByTestId('region-node-us-east').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/Was the primary; down/);
  expect(errors).toEqual([]);
});

test('in a split brain both primaries show for as long as it lasts', async ({ page }) => {
  await opened(
    page,
    linkFor({
      data: { ...defaultScenario.data, fencing: false },
      faults: [
        { kind: 'region-down', region: 'us-east', atS: 5 },
        { kind: 'region-up', region: 'us-east', atS: 70 },
      ],
    }),
  );
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'former-down', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'primary', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('region-node-us-east').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/two primaries take writes at once/);
});

test('an old primary back with fencing is demoted, not a primary', async ({ page }) => {
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 5 }, { kind: 'region-up', region: 'us-east', atS: 70 }] }));
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'demoted', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
});

test('durations on screen are written one way: the RPO in the timeline and the ledger, the lag on a held link', async ({ page }) => {
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 5 }] }));
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('tab', { name: 'Failover' }).click();
  // Async replication lost the writes of the primary's last tens of milliseconds: milliseconds, not "0 s".
  await expect(page.getByTestId('timeline-rpo')).toHaveText(/^RPO \d+ ms, \d+ acknowledged writes lost$/);
  const rpo = /^RPO (\d+ ms)/.exec((await page.getByTestId('timeline-rpo').textContent()) ?? '')?.[1];
  await expect(page.getByTestId('lost-write-ledger')).toContainText(`RPO ${rpo}`);
  // A link with a dark end holds writes back: how long, said apart from the lag of writes that arrived.
  await page.getByTestId('link:us-east:eu-west').focus(); // its tooltip, as a keyboard user gets it
  const tooltip = page.getByTestId('flow-tooltip');
  await expect(tooltip).toContainText(/us-east -> eu-west: writes held back for \d+(\.\d)? (s|min) \(highest lag of a delivered write \d+ ms\)/);
  await expect(tooltip).not.toContainText(/\d{4,} ms/);
});

test('the latency chart shades the seconds in which requests failed', async ({ page }) => {
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'eu-west', atS: 5 }] }));
  await expect(page.getByTestId('latency-low-availability')).toHaveCount(0);
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(page.getByTestId('latency-low-availability').first()).toBeAttached({ timeout: 30_000 });
  const box = await page.getByTestId('latency-low-availability').first().boundingBox();
  expect(box?.width).toBeGreaterThan(1);
});

test('a region fault menu closes when its region is deleted', async ({ page }) => {
  await opened(page);
  await page.getByTestId('region-node-ap-northeast').locator('.map-node__label').click({ position: { x: 4, y: 3 } });
  const menu = page.getByRole('dialog', { name: 'Faults for region ap-northeast' });
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('inspector-region-ap-northeast')).toBeVisible();
  // The Delete key (a click elsewhere would close the menu anyway): the region goes, and its menu with it.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('region-node-ap-northeast')).toHaveCount(0);
  await expect(menu).toHaveCount(0);
});

test('an import says what it imported; Export before anything ran says so', async ({ page }) => {
  await opened(page, linkFor());
  await page.getByRole('button', { name: 'Reset to 0 s' }).click(); // back to 0 s, paused
  await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-time-s', '0');
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('export-nothing-yet')).toContainText('Nothing has run yet');
  await expect(page.getByRole('button', { name: 'Metrics per second (CSV)' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('open-share').click();
  const scenario = { ...defaultScenario, name: 'Imported <b>test</b>' };
  await page.getByTestId('import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(/Imported Imported <b>test<\/b> from mine\.json\./);
  await expect(page.locator('.notice b')).toHaveCount(0);
});

test('a preset opened from the gallery always starts the same way: from 0 s, playing', async ({ page }) => {
  await opened(page, linkFor());
  for (const id of ['active-passive', 'routing-anycast']) {
    await page.getByTestId('open-presets').click();
    await page.getByTestId(`preset:${id}`).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  }
});

test('compare gives availability as a percentage, a unit on every row, and verdicts that match the figures', async ({ page }) => {
  await opened(page, linkFor({ durationS: 120, faults: [{ kind: 'region-down', region: 'us-east', atS: 20 }] }));
  await page.getByTestId('open-compare').click();
  await page.getByLabel('Setting to change').selectOption({ label: 'Routing' });
  await page.getByTestId('compare-value').selectOption('anycast');
  await page.getByTestId('compare-run').click();
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('tr[data-metric="availability"] td').first()).toHaveText(/^\d+(\.\d+)?%$/);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ head: tr.querySelector('th')?.textContent ?? '', cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''), verdict: tr.getAttribute('data-verdict') })),
  );
  expect(rows.length).toBeGreaterThan(9);
  for (const row of rows) {
    expect(row.head).toMatch(/, \S/); // "availability, %", "RPO, time", "cost, USD per hour"
    if (row.verdict === 'same') expect(row.cells[0]).toBe(row.cells[1]);
    if (row.verdict === 'better' || row.verdict === 'worse') expect(row.cells[0]).not.toBe(row.cells[1]);
  }
});
