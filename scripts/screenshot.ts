/**
 * Takes the README's screenshot of the running app (docs/screenshot.png): `npm run build`, then
 * `npx vite preview` in another shell, then `npx tsx scripts/screenshot.ts`.
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
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 8000));
await page.screenshot({ path: process.env.OUT ?? 'docs/screenshot.png' });
await browser.close();
