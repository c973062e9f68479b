/**
 * Issue 12, part 1, as a person meets it: a live edit made while the run plays is replayed at its moment, so
 * scrubbing back shows the numbers first seen there and forward again too; an edit back in the past forks the
 * run and says so; "share this run" gives someone else the same run.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkFor, opened, scrubTo, simTime, viewsCaughtUp, watchErrors } from './helpers.ts';

/** The readout table's rows: each population's last second (latencies, serving region, availability). */
async function readoutRows(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="readout-"]').allTextContents();
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags Berlin's population to the middle of Australia, as a person would. */
async function dragBerlinToAustralia(page: Page): Promise<void> {
  const from = await centreOf(page, '[data-testid="node-user:berlin"]');
  const to = await centreOf(page, '.world-map__country[data-country="036"]');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.up();
}

/** Where Berlin's node is drawn: west of 100 px from Australia's centre means it is back in Europe. */
async function berlinIsInAustralia(page: Page): Promise<boolean> {
  const node = await centreOf(page, '[data-testid="node-user:berlin"]');
  const australia = await page.locator('.world-map__country[data-country="036"]').boundingBox();
  if (!australia) throw new Error('no Australia');
  return node.x > australia.x && node.x < australia.x + australia.width && node.y > australia.y && node.y < australia.y + australia.height;
}

async function playToTheEnd(page: Page, endS: number): Promise<void> {
  await page.getByRole('group', { name: 'Simulation' }).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => simTime(page)).toBe(endS);
  await viewsCaughtUp(page);
}

test('a live edit is replayed at its moment: scrubbing back and forth shows what was first seen, and a run link carries it', async ({ page, context }) => {
  const errors = watchErrors(page);
  await opened(page, linkFor({ durationS: 30 })); // a link opens paused at 0
  await scrubTo(page, 10);
  await dragBerlinToAustralia(page); // the edit, at 10 s
  await expect.poll(() => berlinIsInAustralia(page)).toBe(true);
  await playToTheEnd(page, 30);
  const live = await readoutRows(page);
  // Central Australia is served from Tokyo (ap-northeast), thousands of km away.
  await expect(page.getByTestId('readout-berlin')).toContainText('ap-northeast');

  // Back before the edit: Berlin in Europe, served from Dublin, on the map as it was then.
  await scrubTo(page, 5);
  await expect(page.getByTestId('readout-berlin')).toContainText('eu-west');
  await expect.poll(() => berlinIsInAustralia(page)).toBe(false);
  // Forward again, past the edit: exactly what the live run showed, and Berlin back in Australia.
  await scrubTo(page, 30);
  await expect.poll(() => readoutRows(page)).toEqual(live);
  await expect.poll(() => berlinIsInAustralia(page)).toBe(true);

  // "Share this run": someone else opens the link and sees the same run.
  await page.getByTestId('open-share').click();
  await expect(page.getByTestId('share-run')).toContainText('live edit');
  const runLink = await page.getByTestId('share-run-link').inputValue();
  expect(runLink).toMatch(/#r1\.[0-9a-f]{8}\./);
  await page.getByRole('button', { name: 'Close Share and files' }).click();
  await expect(page.getByTestId('share-dialog')).not.toBeVisible();
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(runLink);
  await expect(other.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(other.getByTestId('sim-clock')).toHaveText(/^0:00 /); // opens paused at 0
  await scrubTo(other, 30);
  await expect.poll(() => readoutRows(other)).toEqual(live);
  await scrubTo(other, 5);
  await expect(other.getByTestId('readout-berlin')).toContainText('eu-west');
  expect(otherErrors).toEqual([]);

  // An edit back in the past forks the run, and the page says so.
  await scrubTo(page, 5);
  await expect.poll(() => berlinIsInAustralia(page)).toBe(false);
  await dragBerlinToAustralia(page);
  await expect(page.getByRole('alert').filter({ hasText: 'forks here' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'live edit made later was dropped' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a worker that fails after a live edit is replaced and replays the run with its edit, to the same numbers', async ({ page }) => {
  await opened(page, linkFor({ durationS: 30 }, '?debug=1'));
  await scrubTo(page, 10);
  await dragBerlinToAustralia(page);
  await expect.poll(() => berlinIsInAustralia(page)).toBe(true);
  await playToTheEnd(page, 30);
  const live = await readoutRows(page);
  await page.evaluate(() => (window as unknown as { __meridianDebug: { raiseWorkerError(m: string): void } }).__meridianDebug.raiseWorkerError('test'));
  await expect(page.getByRole('alert').filter({ hasText: 'restarted' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __meridianDebug: { restarts(): number } }).__meridianDebug.restarts())).toBe(1);
  await expect.poll(() => simTime(page)).toBe(30);
  await viewsCaughtUp(page);
  await expect.poll(() => readoutRows(page)).toEqual(live);
  await scrubTo(page, 5);
  await expect(page.getByTestId('readout-berlin')).toContainText('eu-west');
});
