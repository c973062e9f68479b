/**
 * `npm run bench:ui`: how the built playground holds up in a browser with the large standard scenario
 * (25 regions, 100 populations, engine/bench/standardScenarios.ts; `-- --scenario small|medium` for the others)
 * running at 10x. Figures, not tests:
 *   - frame rate over ~10 s (requestAnimationFrame intervals: median fps and the 5th percentile fps), then
 *     4 s with each other tab of the Watch panel open (Replication, Failover, Data, Cost),
 *   - long tasks (> 50 ms, PerformanceObserver 'longtask') while a population is dragged across the map,
 *   - bundle sizes: gzip of each built JS file, the initial load (index.html's script and preloads) apart
 *     from the lazy chunks and the workers (engine, compare).
 * It builds into a temporary directory (or uses `--dist <dir>`), serves it with vite preview on its own port
 * (BENCH_PORT, default 4391) and drives the system Chromium (scripts/chromium.mjs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { chromiumProblem, findChromium } from './chromium.mjs';
import { STANDARD_SCENARIOS } from '../engine/bench/standardScenarios.ts';
import { parseScenario, formatIssues } from '../engine/scenario/parse.ts';
import { encodeScenarioHash } from '../engine/scenario/url.ts';

const MEASURE_MS = 10_000;
const TAB_MEASURE_MS = 4_000;
const DRAG_LIMIT_MS = 30_000;
const port = Number(process.env.BENCH_PORT ?? 4391);
/** `--dist <dir>`: measure an existing build instead of building one. */
const distArg = process.argv.indexOf('--dist');
const outDir = distArg >= 0 ? (process.argv[distArg + 1] ?? 'dist') : join(tmpdir(), 'meridian-bench-ui');

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/** gzip size of every JS file in the build, split into what index.html loads first, lazy chunks and the worker. */
function bundleSizes(dir: string): { initial: [string, number][]; lazy: [string, number][]; worker: [string, number][] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const sizes: { initial: [string, number][]; lazy: [string, number][]; worker: [string, number][] } = { initial: [], lazy: [], worker: [] };
  for (const name of readdirSync(join(dir, 'assets')).filter((n) => n.endsWith('.js')).sort()) {
    const gz = gzipSync(readFileSync(join(dir, 'assets', name)), { level: 9 }).length;
    const group = initialNames.has(name) ? sizes.initial : /worker/i.test(name) ? sizes.worker : sizes.lazy;
    group.push([name, gz]);
  }
  return sizes;
}

const executablePath = findChromium();
if (!executablePath) throw new Error(chromiumProblem());

/** `--scenario small|medium|large` (default large): the standard bench scenarios, for a relative figure. */
const scenarioArg = process.argv.indexOf('--scenario');
const scenarioName = (scenarioArg >= 0 ? process.argv[scenarioArg + 1] : 'large') as keyof typeof STANDARD_SCENARIOS;
if (!(scenarioName in STANDARD_SCENARIOS)) throw new Error(`--scenario must be one of ${Object.keys(STANDARD_SCENARIOS).join(', ')}`);
const parsed = parseScenario(STANDARD_SCENARIOS[scenarioName]);
if (!parsed.ok) throw new Error(`the large bench scenario is invalid: ${formatIssues(parsed.issues).join('; ')}`);
const scenario = parsed.scenario;

if (distArg < 0) {
  console.log(`building into ${outDir} ...`);
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}
const sizes = bundleSizes(outDir);
const sum = (list: [string, number][]) => list.reduce((total, [, gz]) => total + gz, 0);

console.log(`bundle (gzip): initial ${kb(sum(sizes.initial))}, lazy ${kb(sum(sizes.lazy))}, workers ${kb(sum(sizes.worker))}`);
for (const [group, list] of Object.entries(sizes)) for (const [name, gz] of list) console.log(`  ${group.padEnd(8)}${kb(gz).padStart(10)}  ${name}`);

const server = await preview({ logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' }, build: { outDir } });
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // A saturated main thread answers slowly: wait, and report it in the figures rather than fail.
  page.setDefaultTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const loadStartMs = Date.now();
  await page.goto(`http://127.0.0.1:${port}/#${encodeScenarioHash(scenario)}`);
  await page.locator('.world-map[data-loaded="true"]').waitFor();
  const firstUser = scenario.users[0]?.id ?? '';
  await page.getByTestId(`read-p50-${firstUser}`).filter({ hasText: /^\d+$/ }).waitFor({ timeout: 60_000 });
  const firstFiguresMs = Date.now() - loadStartMs;
  await page.getByLabel('Speed').selectOption('10');

  // Frame intervals while the run streams at 10x and nobody touches anything.
  // Page scripts as strings: tsx would wrap named functions in a helper the page does not have.
  const measureFrames = async (durationMs: number): Promise<number[]> =>
    (await page.evaluate(`new Promise((resolve) => {
      const intervals = [];
      let last = performance.now();
      const start = last;
      requestAnimationFrame(function frame(now) {
        intervals.push(now - last);
        last = now;
        if (now - start < ${durationMs}) requestAnimationFrame(frame);
        else resolve(intervals);
      });
    })`)) as number[];
  const describeFrames = (frames: number[], durationMs: number): string => {
    const sorted = [...frames].sort((a, b) => a - b);
    return `${frames.length} frames in ${(durationMs / 1000).toFixed(0)} s; median ${(1000 / percentile(sorted, 0.5)).toFixed(1)} fps, 5th percentile ${(1000 / percentile(sorted, 0.95)).toFixed(1)} fps (slowest frame ${percentile(sorted, 1).toFixed(0)} ms, ${frames.filter((f) => f > 20).length} over 20 ms)`;
  };
  const frames = await measureFrames(MEASURE_MS);
  const simS = Number(await page.getByTestId('sim-clock').getAttribute('data-time-s'));
  console.log(`\nMeridian UI benchmark: ${scenario.name} (${scenario.regions.length} regions, ${scenario.users.length} populations) at 10x`);
  console.log(`first latency figures on screen: ${firstFiguresMs} ms after navigation`);
  console.log(`frames, map + readout + latency chart + Health tab: ${describeFrames(frames, MEASURE_MS)}`);
  console.log(`simulated clock after the frame measurement: ${simS.toFixed(1)} s`);

  // Every other tab of charts and inspectors, each streaming on its own for a few seconds.
  for (const tab of ['replication', 'failover', 'data', 'cost']) {
    await page.locator(`#watch-tab-${tab}`).click();
    await page.waitForTimeout(500);
    console.log(`frames, ${tab} tab: ${describeFrames(await measureFrames(TAB_MEASURE_MS), TAB_MEASURE_MS)}`);
  }
  await page.locator('#watch-tab-health').click();

  // Long tasks while a population is dragged across the map (mouse down, 60 small moves over ~3 s, up).
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  })()`);
  // The node's rectangle read in the page: a locator's boundingBox keeps retrying while the map re-renders.
  const box = (await page.evaluate(`(() => {
    const r = document.querySelector('[data-testid="node-user:${firstUser}"]')?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  })()`)) as { x: number; y: number; width: number; height: number } | null;
  const dragStart = (await page.evaluate('performance.now()')) as number;
  let moves = 0;
  if (box) {
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Each move waits for the page to take it; on a saturated page stop after DRAG_LIMIT_MS of wall time.
    const limitAt = Date.now() + DRAG_LIMIT_MS;
    for (let i = 1; i <= 60 && Date.now() < limitAt; i++) {
      await page.mouse.move(x + i * 4, y + Math.sin(i / 6) * 30);
      moves = i;
      await page.waitForTimeout(50);
    }
    await page.mouse.up();
  }
  await page.waitForTimeout(1000); // the edit reaches the worker and the next snapshots
  const dragEnd = (await page.evaluate('performance.now()')) as number;
  const longTasks = ((await page.evaluate('window.__longTasks')) as { startTime: number; duration: number }[]).filter(
    (t) => t.startTime >= dragStart && t.startTime <= dragEnd,
  );

  console.log(
    `long tasks (> 50 ms) during a ${((dragEnd - dragStart) / 1000).toFixed(1)} s drag (${moves} of 60 moves): ${longTasks.length}, ${longTasks.reduce((t, l) => t + l.duration, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...longTasks.map((t) => t.duration)).toFixed(0)} ms${box ? '' : ' (node not found: no drag)'}`,
  );
  if (pageErrors.length > 0) console.log(`\npage errors: ${pageErrors.join(' | ')}`);
} finally {
  await browser.close();
  await server.close();
}
