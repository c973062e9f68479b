/**
 * Takes the README's screenshot of the running app on a first visit (docs/screenshot.png): the start card, the
 * default scenario's notes, the map with its arcs, the latency streaming. `npm run build`, then
 * `npx vite preview` in another shell, then `npx tsx scripts/screenshot.ts` (URL= for another address, AT_S= for
 * the simulated second to wait for).
 */
import { chromium } from '@playwright/test';
import { chromiumProblem, findChromium } from './chromium.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(chromiumProblem());
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 800 }, colorScheme: (process.env.SCHEME as 'light' | 'dark') ?? 'light' });
await page.goto(process.env.URL ?? 'http://127.0.0.1:4173/');
await page.locator('.world-map[data-loaded="true"]').waitFor();
// A moment of the run, not of the clock on the wall: the readout and the charts have drawn by then.
await page.waitForFunction((atS) => Number(document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-time-s')) >= atS, Number(process.env.AT_S ?? 40));
await page.locator('[data-testid="availability-series-berlin"][d^="M"]').waitFor({ state: 'attached' });
await page.getByRole('button', { name: 'Pause', exact: true }).click();
await page.screenshot({ path: process.env.OUT ?? 'docs/screenshot.png' });
await browser.close();
