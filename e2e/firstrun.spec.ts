/** A first visit: the start card, the default scenario's notes, the catalogue behind its search box; links open paused. */
import { expect, test } from '@playwright/test';
import { linkFor, opened, simTime, watchErrors } from './helpers.ts';

test('a first visit gets a start card and the default notes, the catalogue waits behind its search box, and a dismissal is remembered', async ({ page }) => {
  const errors = watchErrors(page);
  await opened(page);
  const card = page.getByTestId('start-card');
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: 'Fail us-east and watch the Failover tab' })).toBeVisible();
  await expect(page.getByTestId('default-notes')).toContainText('What to notice');
  // The 139 regions are one search (or one "browse") away, not the first screen's biggest thing.
  const palette = page.getByRole('region', { name: 'Palette' });
  await expect(palette.getByRole('option')).toHaveCount(0);
  await expect(palette).toContainText(/139 regions of AWS, Google Cloud, Azure and IBM: type to search/);
  await palette.getByTestId('palette-browse-regions').click();
  await expect(palette.getByRole('option')).toHaveCount(139);
  // The map is the largest thing on screen.
  const map = await page.getByTestId('map-canvas').boundingBox();
  const side = await page.locator('.app__side').boundingBox();
  expect((map?.width ?? 0) * (map?.height ?? 0)).toBeGreaterThan((side?.width ?? 0) * (side?.height ?? 0));

  await card.getByTestId('start-dismiss').click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(page.getByTestId('default-notes')).toBeVisible();
  await expect(page.getByTestId('start-card')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the start card's ways in: fail the primary and watch the Failover tab, a drill, a preset", async ({ page }) => {
  await opened(page);
  await page.getByTestId('start-fail').click();
  await expect(page.getByTestId('region-node-us-east')).toHaveAttribute('data-down', 'true');
  await expect(page.getByRole('tab', { name: 'Failover' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('failover-timeline')).toBeVisible();
  await page.getByTestId('start-card').getByRole('button', { name: 'Try a failover drill' }).click();
  await expect(page.getByTestId('drills-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('start-card').getByRole('button', { name: 'Open a preset' }).click();
  await expect(page.getByTestId('presets-dialog')).toBeVisible();
});

test('a shared link opens paused at 0 s, or paused at the moment the sender chose', async ({ page }) => {
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 30 }] }, '?speed=60'));
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByLabel('Speed')).toHaveValue('60');
  expect(await simTime(page)).toBe(0);
  // Paused for real: a step of one second lands exactly on 1 s.
  await page.getByRole('button', { name: 'Step 1 simulated second' }).click();
  await expect.poll(() => simTime(page)).toBe(1);

  // The sender shares the moment they are at.
  await page.getByRole('button', { name: 'Step 1 simulated second' }).click();
  await expect.poll(() => simTime(page)).toBe(2);
  await page.getByTestId('open-share').click();
  await page.getByTestId('share-at-moment').check();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).searchParams.get('t')).toBe('2');

  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 30 }] }, '?t=150'));
  await expect.poll(() => simTime(page)).toBe(150);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('region-node-us-east')).toHaveAttribute('data-down', 'true');
});
