import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The serious and critical WCAG 2 A/AA violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function started(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(page.getByTestId('read-p50-berlin')).toHaveText(/^\d+$/);
  // The Health tab's charts have drawn the stream (each redraws a moment after the snapshots: useThrottledApp).
  await expect(page.getByTestId('availability-series-berlin')).toHaveAttribute('d', /^M.+L/);
  await expect(page.getByTestId('load-series-us-east').locator('path').last()).toHaveAttribute('d', /^M.+L/);
  await expect(page.getByRole('heading', { name: 'Faults' })).toBeVisible();
  // Paused, so the page holds still while axe reads it.
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('the main screen has no serious or critical accessibility violations, in the light theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await started(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dark theme (chosen with the header toggle, remembered on reload) has none either', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await started(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await started(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the theme follows the system until the person chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the region fault menu, open over the map, has none either', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await started(page);
  await page.getByTestId('region-node-eu-west').locator('.map-node__label').click({ position: { x: 4, y: 3 } });
  await expect(page.getByRole('dialog', { name: 'Faults for region eu-west' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the region fault menu works from the keyboard: Enter on a region opens it with the focus, Escape gives it back', async ({ page }) => {
  await started(page);
  const node = page.locator('.react-flow__node:has([data-testid="region-node-eu-west"])');
  await node.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Faults for region eu-west' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Fail (region down)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();
});
