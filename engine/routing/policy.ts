/**
 * What every routing policy implements (`Router`), what it is built from (`RoutingContext`), and the helpers the
 * policies share. Its own module so that the policies and the router that chooses among them (router.ts) import
 * it, not each other.
 */
import type { Conditions } from '../conditions.ts';
import type { Random } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';

export interface RoutingContext {
  readonly world: World;
  readonly settings: Scenario['routing'];
  /** 1 where the routing layer currently considers the region healthy. */
  readonly routable: Uint8Array;
  readonly conditions: Conditions;
  /** One stream per router for its own draws (resolver phases, convergence delays). */
  readonly rng: Random;
}

export interface Router {
  /** The region one request of population u sent at `nowS` enters (-1: nowhere to go). */
  pick(u: number, nowS: number, rng: Random): number;
  /** Writes population u's expected share of traffic per region at `nowS` into `out` (summing to 1 or 0). */
  shares(u: number, nowS: number, out: Float64Array): void;
  /** The one region all of population u's traffic enters at `nowS`, or -1 when it is split (or goes nowhere). */
  soleRoute(u: number, nowS: number): number;
  /** The routing layer's view of health (`routable`) changed at `nowS`. */
  routableChanged(nowS: number): void;
  /** Region r went dark or came back at `nowS`. */
  powerChanged(r: number, nowS: number): void;
  /** A request of population u to region r failed at `nowS` (a client SDK learns from it). */
  requestFailed(u: number, r: number, nowS: number): void;
  /** Next time the router needs `tick` (client probes), or Infinity. */
  nextTickS(): number;
  tick(nowS: number): void;
  /** Extra RTT in ms on the user's side of every request (global-lb's hop to its edge). */
  readonly accessExtraMs: number;
  /** Whether a failed request is retried at once at the next region (client SDK). */
  readonly retriesElsewhere: boolean;
}

/** Index of the region with the lowest user RTT among those `allowed` says yes to, or -1. */
export function lowestRtt(world: World, u: number, allowed: (r: number) => boolean): number {
  const R = world.regions.length;
  let best = -1;
  for (let r = 0; r < R; r++) {
    if (!allowed(r)) continue;
    if (best < 0 || (world.userRttMs[u * R + r] as number) < (world.userRttMs[u * R + best] as number)) best = r;
  }
  return best;
}

/** Writes a one-hot share vector. */
export function oneHot(out: Float64Array, r: number): void {
  out.fill(0);
  if (r >= 0) out[r] = 1;
}
