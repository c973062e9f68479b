import { describe, expect, it } from 'vitest';
import { restartAllowed } from './engineClient.ts';

describe('restarting a failed engine worker', () => {
  it('allows three restarts a minute, then gives up so a scenario that crashes the engine does not loop', () => {
    expect(restartAllowed([], 0)).toEqual({ allowed: true, recent: [] });
    expect(restartAllowed([1_000, 2_000], 3_000).allowed).toBe(true);
    expect(restartAllowed([1_000, 2_000, 3_000], 4_000).allowed).toBe(false);
    // Restarts older than a minute no longer count.
    expect(restartAllowed([1_000, 2_000, 3_000], 61_500)).toEqual({ allowed: true, recent: [2_000, 3_000] });
  });
});
