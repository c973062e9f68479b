/**
 * What the browser tests wait for, as states of the page rather than stretches of time: the autosave and the
 * link once they carry an edit, the engine once it is provably paused, the views once they have drawn.
 */
import { expect, type Page } from '@playwright/test';
import { AUTOSAVE_KEY } from '../app/store/autosave.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../engine/scenario/url.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';
import type { Scenario, ScenarioInput } from '../engine/scenario/schema.ts';

/** The scenario in this page's autosave (written a moment after each edit), or null before the first write. */
export async function autosavedScenario(page: Page): Promise<Scenario | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
  return text === null ? null : (JSON.parse(text) as Scenario);
}

/** The scenario the address bar's link carries now (rewritten a moment after each edit), or null. */
export function linkedScenario(page: Page): Scenario | null {
  const decoded = decodeScenarioHash(new URL(page.url()).hash);
  return decoded.ok ? decoded.scenario : null;
}

/** The simulated time the clock shows, to the engine's precision. */
export async function simTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-clock').getAttribute('data-time-s'));
}

/**
 * Scrubs the timeline to the whole second `atS` and waits until the replay has landed there: the clock shows `atS`
 * and the timeline no longer says it is replaying (the engine has answered the seek). Use it with no snapshot
 * carrying `atS` on its way: `atS` below the time the run has shown, or a run that is not playing. The engine
 * replays a seek from the seed and plays on afterwards only if it was playing when the seek arrived, and every
 * snapshot sent before the seek arrives before the replay's (one port, in order). So from here on nothing older
 * is coming, and the clock stays at `atS` unless the engine was still playing.
 */
export async function scrubTo(page: Page, atS: number): Promise<void> {
  const scrubber = page.getByTestId('timeline-scrubber');
  // A run paused at 3.3 s shows 3 on the scrubber: filling 3 would change nothing and ask for no replay. Another
  // second first (the latest request wins), then the one wanted.
  if ((await scrubber.inputValue()) === String(atS)) await scrubber.fill(String(atS > 0 ? atS - 1 : atS + 1));
  await scrubber.fill(String(atS));
  const status = page.getByTestId('timeline-status');
  await expect.poll(async () => ({ clockS: await simTime(page), status: await status.textContent() })).toEqual({ clockS: atS, status: '' });
}

/** Frames after the last change to the store by which every view drawing the stream has drawn it: see views(). */
const FRAMES_FOR_EVERY_VIEW = 40;

/**
 * Waits until the views that draw the stream (the readout, the map's flows, the charts, the inspectors) have
 * caught up with the last snapshot, once no more snapshots are coming (the run paused, finished or landed on a
 * seek). Those views update one per animation frame, in the order they asked (app/store/frameSlots.ts), and
 * fewer than 20 of them draw the stream, so FRAMES_FOR_EVERY_VIEW frames are enough however slow each frame is.
 * The charts ask for a frame up to CHART_REFRESH_MS after a snapshot (app/store/useThrottledApp.ts): they are
 * not waited for here, so read a chart with a web-first assertion instead.
 */
export async function viewsCaughtUp(page: Page): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let left = frames;
        const next = (): void => {
          left -= 1;
          if (left <= 0) resolve();
          else requestAnimationFrame(next);
        };
        requestAnimationFrame(next);
      }),
    FRAMES_FOR_EVERY_VIEW,
  );
}

/** The app's address for a scenario: the defaults with `overrides`, in the link's hash. */
export function linkFor(overrides: Partial<ScenarioInput> = {}, query = ''): string {
  const parsed = parseScenario({ ...defaultScenario, ...overrides });
  if (!parsed.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return `/${query}#${encodeScenarioHash(parsed.scenario)}`;
}

/** Opens `path` and waits for the map to have drawn. */
export async function opened(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
}

/** Collects uncaught errors and console errors, so a test can also check the page stayed clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Plays the run if the page opened paused: a link (a hash in the address, so also a reload) opens paused at its
 * start. The Play/Pause button shows the store's state from the first render, so reading it once is enough.
 */
export async function playIfPaused(page: Page): Promise<void> {
  const controls = page.getByRole('group', { name: 'Simulation' });
  await expect(controls.getByRole('button', { name: /^(Play|Pause|Run again)$/ })).toBeVisible();
  const play = controls.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
}
