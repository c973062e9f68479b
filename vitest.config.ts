import { defineConfig } from 'vitest/config';

/**
 * Unit tests only: the engine's and the app's pure modules, in Node. Playwright specs live in e2e/ and run
 * under `npm run test:e2e`; without this include list vitest would pick up e2e/*.spec.ts as well.
 */
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A hang guard, not a speed goal: simulation tests take seconds, and this machine is shared and noisy.
    testTimeout: 60_000,
  },
});
