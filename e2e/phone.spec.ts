/** A 390x844 phone: the map first with the run controls, charts below, the editor in a drawer, nothing overflows. */
import { expect, test } from '@playwright/test';
import { opened } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('on a phone the map comes first, nothing is wider than the screen, the editor is a drawer and dialogs fit', async ({ page }) => {
  await opened(page);
  await expect(page.getByTestId('read-p50-berlin')).toHaveText(/^\d+$/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(`Phone at 390 px: document width ${width} px`);
  expect(width).toBeLessThanOrEqual(390);
  const map = await page.getByTestId('map-canvas').boundingBox();
  expect(map?.y).toBeLessThan(300);
  expect(map?.height).toBeGreaterThan(300);
  expect(map?.width).toBeGreaterThanOrEqual(380);
  // The run controls sit above it; the charts below it.
  const play = await page.getByRole('group', { name: 'Simulation' }).boundingBox();
  expect((play?.y ?? 1e9) + (play?.height ?? 0)).toBeLessThanOrEqual(map?.y ?? 0);
  await expect(page.getByTestId('watch-panel')).toBeAttached();
  const charts = await page.getByTestId('watch-panel').boundingBox();
  expect(charts?.y).toBeGreaterThanOrEqual((map?.y ?? 0) + (map?.height ?? 0));
  // The palette and inspector: a drawer from the header.
  await expect(page.getByRole('region', { name: 'Palette' })).toBeHidden();
  await page.getByTestId('drawer-toggle').click();
  const palette = page.getByRole('region', { name: 'Palette' });
  await expect(palette).toBeVisible();
  const drawer = await page.locator('.editor-column').boundingBox();
  expect((drawer?.x ?? -1) >= 0 && (drawer?.x ?? 0) + (drawer?.width ?? 1e9) <= 390).toBe(true);
  await page.getByTestId('drawer-toggle').click();
  await expect(palette).toBeHidden();
  // Dialogs fit the screen.
  for (const which of ['drills', 'presets', 'share']) {
    await page.getByTestId(`open-${which}`).click();
    const dialog = page.getByTestId(`${which}-dialog`);
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 1e9)).toBeLessThanOrEqual(390);
    expect((box?.y ?? 0) + (box?.height ?? 1e9)).toBeLessThanOrEqual(844);
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test.describe('a compact embed at 640x400', () => {
  test.use({ viewport: { width: 640, height: 400 }, hasTouch: false });

  test('gives the map most of the frame under one row of controls and one line of figures; faults only when allowed', async ({ page }) => {
    await opened(page, '/?embed=1');
    await expect(page.getByTestId('embed-availability')).toHaveText(/^\d+(\.\d)?%$/);
    const header = await page.locator('.app__header').boundingBox();
    const strip = await page.getByTestId('embed-strip').boundingBox();
    const map = await page.getByTestId('map-canvas').boundingBox();
    expect(header?.height).toBeLessThan(48);
    expect(strip?.height).toBeLessThan(30);
    expect(map?.height).toBeGreaterThanOrEqual(300);
    expect((map?.y ?? 0) + (map?.height ?? 0)).toBeLessThanOrEqual(401);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(400);
    await expect(page.getByTestId('embed-strip')).toContainText('Berlin');
    await expect(page.getByRole('button', { name: /^Fail region/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Open in Meridian' })).toBeVisible();

    await opened(page, '/?embed=1&faults=1');
    await page.getByRole('button', { name: 'Fail region eu-west' }).click();
    await expect(page.getByTestId('region-node-eu-west')).toHaveAttribute('data-down', 'true');
    await expect(page.getByRole('region', { name: 'Palette' })).toHaveCount(0); // still no editing
  });
});
