/**
 * Keyboard and assistive technology: the catalogue is one tab stop, skip links lead to the map and the run, a
 * drill takes the focus and plays to its scorecard from the keyboard alone, Restore says "Restore", the map's
 * buttons are 24 px targets, and axe finds nothing at any impact on the main screen, the drill player, the
 * compare view and Present mode.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { opened } from './helpers.ts';

/** Every axe finding (all rules that run by default: WCAG 2.0-2.2 A/AA and best practices), any impact. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** What has the focus: its accessible name as a person would hear it, roughly. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');

/** Presses Tab until a Fail button has the focus; the number of presses, or Infinity past `limit`. */
async function tabsToFirstFail(page: Page, limit = 300): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)).startsWith('Fail region ')) return presses;
  }
  return Number.POSITIVE_INFINITY;
}

async function paused(page: Page, path = '/'): Promise<void> {
  await opened(page, path);
  await expect(page.getByTestId('read-p50-berlin')).toHaveText(/^\d+$/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

test('the catalogue is one tab stop: Tab from load reaches the first Fail button in few presses, and the skip link in three', async ({ page }) => {
  await opened(page);
  const firstVisit = await tabsToFirstFail(page);
  console.log(`Tab presses from load to the first Fail button, first visit: ${firstVisit}`);
  expect(firstVisit).toBeLessThanOrEqual(45);
  await page.getByTestId('start-dismiss').click();
  await page.getByRole('region', { name: 'Palette' }).getByTestId('palette-browse-regions').click();
  await expect(page.getByRole('listbox', { name: 'Cloud regions' }).getByRole('option')).toHaveCount(139);
  await page.reload();
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await page.getByRole('region', { name: 'Palette' }).getByTestId('palette-browse-regions').click(); // all 139 listed, and still one stop
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const natural = await tabsToFirstFail(page);
  console.log(`Tab presses from load to the first Fail button, all 139 regions listed: ${natural}`);
  expect(natural).toBeLessThanOrEqual(40);

  // The arrows walk the list; Enter adds the entry.
  const list = page.getByRole('listbox', { name: 'Cloud regions' });
  await list.getByRole('option').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option').nth(1)).toBeFocused();
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('tabindex', '0');
  await expect(list.getByRole('option').first()).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(list.getByRole('option').last()).toBeFocused();

  await page.reload();
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-map')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^Fail region /);
});

test('from the keyboard alone: fail a region, restore it, and play a drill to its scorecard', async ({ page }) => {
  await opened(page);
  let presses = 0;
  const press = async (key: string): Promise<void> => {
    presses++;
    await page.keyboard.press(key);
  };
  await press('Tab'); // Skip to the map
  await press('Enter');
  await press('Tab'); // the first region's Fail
  expect(await focusedName(page)).toBe('Fail region us-east');
  await press('Enter');
  console.log(`Key presses from load to the first Fail: ${presses}`);
  expect(presses).toBeLessThanOrEqual(15);
  await expect(page.getByTestId('region-node-us-east')).toHaveAttribute('data-down', 'true');
  // The same button now restores, and says so.
  await expect(page.getByRole('button', { name: 'Restore region us-east' })).toBeFocused();
  await press('Enter');
  await expect(page.getByTestId('region-node-us-east')).toHaveAttribute('data-down', 'false');

  // The drills, from the header: skip to the run controls, then Tab to Drills.
  // From the top of the page again (F5: the page reloads, paused, with the link), skip to the run controls.
  presses++;
  await page.reload();
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await press('Tab');
  await press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the run controls' })).toBeFocused();
  await press('Enter');
  for (let i = 0; i < 20 && (await focusedName(page)) !== 'Drills'; i++) await press('Tab');
  expect(await focusedName(page)).toBe('Drills');
  await press('Enter');
  await expect(page.getByTestId('drills-dialog')).toBeVisible();
  await page.getByTestId('drill:split-brain').focus(); // the gallery's own order is not under test here
  await press('Enter');
  const player = page.getByTestId('drill-player');
  await expect(player).toBeVisible();
  // The focus moves into the drill, onto each new step's action: Enter does it; a question takes Space on its first choice.
  const progress = page.getByTestId('drill-progress');
  for (let i = 0; i < 20; i++) {
    if (await page.getByTestId('drill-scorecard').isVisible()) break;
    const before = await progress.textContent();
    const kind = await page.getByTestId('drill-current').getAttribute('data-kind');
    if (kind === 'question') {
      await expect(page.getByTestId('drill-current').getByRole('radio').first()).toBeFocused();
      await press('ArrowDown'); // the second choice: two primaries, conflicting writes
      await press('Tab');
    }
    await expect(page.getByTestId('drill-next')).toBeFocused();
    await press('Enter');
    // The step is done once the progress moves on (or the scorecard shows, after the last).
    await expect(async () => {
      const moved = (await progress.textContent()) !== before || (await page.getByTestId('drill-scorecard').isVisible());
      expect(moved).toBe(true);
    }).toPass();
  }
  await expect(page.getByTestId('drill-scorecard')).toBeFocused();
  await expect(page.getByTestId('drill-scorecard')).toContainText('Predictions: 1 of 1 right. Checks: 2 of 2 passed.');
  // No Enter meant for the drill went to the palette or the map: the drill's world (the active-passive preset)
  // has its two regions still.
  await expect(page.locator('[data-testid^="region-node-"]')).toHaveCount(2);
  await expect(page.locator('[data-testid^="node-user:"]')).toHaveCount(4);
  await expect(player.getByTestId('drill-checks')).toContainText('times two primaries coexisted: 1');
  console.log(`Key presses for the whole keyboard walk: ${presses}`);
});

test('Fail and Restore on the map are at least 24 by 24 px on screen', async ({ page }) => {
  await opened(page);
  for (const id of ['us-east', 'eu-west', 'ap-northeast']) {
    const box = await page.getByRole('button', { name: `Fail region ${id}` }).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
  }
  await page.getByRole('button', { name: 'Fail region eu-west' }).click();
  const restore = await page.getByRole('button', { name: 'Restore region eu-west' }).boundingBox();
  expect(restore?.height).toBeGreaterThanOrEqual(24);
});

test('in the dark theme too, axe finds nothing at any impact on the main screen (start card, notes) and in Present mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await paused(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('start-card')).toBeVisible();
  const main = await axeFindings(page);
  console.log(`axe, main screen, dark: ${main.length} findings ${JSON.stringify(main)}`);
  expect(main).toEqual([]);
  await page.getByTestId('toggle-present').click();
  const present = await axeFindings(page);
  console.log(`axe, Present mode, dark: ${present.length} findings ${JSON.stringify(present)}`);
  expect(present).toEqual([]);
});

test('axe finds nothing at any impact: main screen, drill player, compare view, Present mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await paused(page);
  const main = await axeFindings(page);
  console.log(`axe, main screen: ${main.length} findings ${JSON.stringify(main)}`);
  expect(main).toEqual([]);

  await page.getByTestId('open-drills').click();
  await page.getByTestId('drill:split-brain').click();
  await expect(page.getByTestId('drill-player')).toBeVisible();
  await expect(page.getByTestId('drill-next')).toBeFocused();
  const drill = await axeFindings(page);
  console.log(`axe, drill player: ${drill.length} findings ${JSON.stringify(drill)}`);
  expect(drill).toEqual([]);
  await page.getByRole('button', { name: 'Leave drill' }).click();

  await page.getByTestId('open-compare').click();
  await page.getByTestId('compare-value').selectOption('semi-sync');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-table')).toBeVisible({ timeout: 60_000 });
  const compare = await axeFindings(page);
  console.log(`axe, compare view: ${compare.length} findings ${JSON.stringify(compare)}`);
  expect(compare).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('toggle-present').click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  const present = await axeFindings(page);
  console.log(`axe, Present mode: ${present.length} findings ${JSON.stringify(present)}`);
  expect(present).toEqual([]);
});
