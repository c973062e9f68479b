// Stops the browser tests with one clear sentence when no Chromium is installed.
import { chromiumProblem } from './chromium.mjs';

const problem = chromiumProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
