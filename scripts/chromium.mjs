/**
 * Where the browser tests find Chromium: $CHROMIUM_PATH if set, else the usual Debian/Ubuntu paths.
 * Playwright's own browser download is not used (this machine has no network for it).
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The path of a Chromium executable, or undefined if none is installed. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** One sentence on what to install, or undefined when a browser is there. */
export function chromiumProblem() {
  if (findChromium()) return undefined;
  if (process.env.CHROMIUM_PATH) {
    return `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist: point it at a Chromium or Chrome executable, or unset it to use /usr/bin/chromium.`;
  }
  return 'No Chromium found for the browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.';
}
