import { defineConfig } from 'vitest/config';
import unitConfig from './vitest.config.ts';

/**
 * The unit-test config narrowed to the engine's tests, for `npm run mutate` (stryker.config.json): every
 * mutated file is under engine/, so app/ tests could never kill a mutant and would only slow the initial test
 * run. (mergeConfig would concatenate the include lists, hence the spread.)
 */
export default defineConfig({
  ...unitConfig,
  test: {
    ...unitConfig.test,
    include: ['engine/**/*.test.ts'],
  },
});
