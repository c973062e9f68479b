/**
 * Present mode for a projector: at 1920x1080 every text on screen is at least 18 px (measured: CSS font size
 * times the element's on-screen scale, SVG text by its screen matrix), no editing chrome, map labels apart, the
 * drill card large with its scorecard in view at the end, Space and the arrows stepping.
 */
import { expect, test, type Page } from '@playwright/test';
import { opened } from './helpers.ts';

interface TextSize {
  readonly text: string;
  readonly px: number;
  readonly where: string;
}

/** Every visible text on screen (inside the viewport) with the size it is drawn at, in screen px. */
async function textSizes(page: Page): Promise<TextSize[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element || seen.has(element)) continue;
      seen.add(element);
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      const box = element.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) continue;
      if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) continue;
      if (element.closest('[aria-hidden="true"], .visually-hidden, option, title, .skip-link, dialog:not([open])')) continue;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // SVG text is drawn at its screen matrix's scale; HTML on the map at the map's zoom (its viewport's transform).
      let scale = 1;
      if (element instanceof SVGGraphicsElement) {
        const m = element.getScreenCTM();
        if (m) scale = Math.hypot(m.a, m.b);
      } else {
        const viewport = element.closest('.react-flow__viewport');
        if (viewport) scale = new DOMMatrix(getComputedStyle(viewport).transform).a;
      }
      const px = Number.parseFloat(style.fontSize) * scale;
      const where = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      out.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10, where });
    }
    return out;
  });
}

async function presenting(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await opened(page);
  await page.getByTestId('start-dismiss').click();
  await expect(page.getByTestId('read-p50-berlin')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('availability-series-berlin')).toHaveAttribute('d', /^M.+L/);
  await page.getByRole('button', { name: 'Fail region eu-west' }).click();
  await page.getByTestId('toggle-present').click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

test('at 1920x1080 every text on screen in Present mode is at least 18 px, and no editing chrome is left', async ({ page }) => {
  await presenting(page);
  await expect(page.getByTestId('read-p50-new-york')).toHaveText(/^\d+$/);
  const sizes = await textSizes(page);
  expect(sizes.length).toBeGreaterThan(40);
  const smallest = Math.min(...sizes.map((s) => s.px));
  console.log(`Present mode at 1920x1080: ${sizes.length} texts, smallest ${smallest} px`);
  expect(sizes.filter((s) => s.px < 18)).toEqual([]);
  // The map's labels and the charts' axes were the 10 px ones: measured among the rest.
  expect(sizes.some((s) => s.where.includes('map-node__label'))).toBe(true);
  expect(sizes.some((s) => s.where.includes('chart__tick'))).toBe(true);
  for (const name of ['Presets', 'Drills', 'Share', 'Compare', 'Export']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Faults' })).toHaveCount(0);
  await expect(page.getByText('Schedule', { exact: false })).toHaveCount(0);
  await expect(page.getByText('Inject', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Palette' })).toHaveCount(0);
});

/** Whether two boxes overlap. */
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const mode of ['edit', 'present'] as const) {
  test(`map labels avoid each other (${mode}): no two labels overlap in the active-passive preset`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await opened(page);
    await page.getByTestId('open-presets').click();
    await page.getByTestId('preset:active-passive').click(); // New York and Chicago, London and Berlin
    await expect(page.getByTestId('node-user:chicago')).toBeVisible();
    if (mode === 'present') {
      await page.getByTestId('toggle-present').click();
      await expect(page.getByTestId('map-canvas')).toHaveAttribute('data-view', 'places'); // zoomed to the places
    }
    const labels = page.locator('.map-node__label');
    await expect(labels).toHaveCount(6);
    // The labels are placed a moment after the zoom settles: wait for the state in which none overlaps.
    await expect(async () => {
      const boxes = await labels.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) clashes.push(`${boxes[i]!.text} over ${boxes[j]!.text}`);
      expect(clashes).toEqual([]);
    }).toPass();
  });
}

test('a drill in Present mode: a large card, Space and the arrows step it, the scorecard in view at the end', async ({ page }) => {
  await presenting(page);
  await page.getByTestId('toggle-present').click(); // the drills are opened from the full app
  await page.getByTestId('open-drills').click();
  await page.getByTestId('drill:lww-silent-drop').click();
  await expect(page.getByTestId('drill-player')).toBeVisible();
  await page.getByTestId('toggle-present').click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'present');
  const card = await page.getByTestId('drill-player').boundingBox();
  expect(card?.width).toBeGreaterThan(700);
  const progress = page.getByTestId('drill-progress');
  for (let i = 0; i < 20; i++) {
    if (await page.getByTestId('drill-scorecard').isVisible()) break;
    const before = await progress.textContent();
    const kind = await page.getByTestId('drill-current').getAttribute('data-kind');
    if (kind === 'question') await page.getByTestId('drill-current').getByRole('radio').nth(1).check(); // a click, as a presenter would
    await page.keyboard.press(kind === 'question' || i % 2 === 0 ? 'Space' : 'ArrowRight');
    await expect(async () => {
      const moved = (await progress.textContent()) !== before || (await page.getByTestId('drill-scorecard').isVisible());
      expect(moved).toBe(true);
    }).toPass();
  }
  const scorecard = page.getByTestId('drill-scorecard');
  await expect(scorecard).toBeInViewport();
  await expect(scorecard).toContainText('Predictions: 2 of 2 right.');
  // The left arrow goes back a step.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('drill-current')).toBeVisible();
});
