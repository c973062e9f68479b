// Stops the browser tests with one clear sentence when no Chromium is installed.
import { findChromium, MISSING_CHROMIUM } from './chromium.mjs';

if (!findChromium()) {
  if (process.env.CHROMIUM_PATH) console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
