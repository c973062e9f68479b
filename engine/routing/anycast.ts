/**
 * Anycast: every region announces the same address and BGP delivers each packet to the nearest announcing
 * region by network distance. A region that goes dark stops announcing at once and the withdrawal spreads:
 * each population's networks converge at their own moment within anycastConvergenceS, and until then its
 * packets still go to the dark region and are lost. A region that stays up but fails (a gray failure) keeps
 * announcing until the health system withdraws it.
 */
import { History } from './history.ts';
import { lowestRtt, oneHot, type Router, type RoutingContext } from './policy.ts';

export function createAnycast(context: RoutingContext): Router {
  const { world, settings, routable, conditions, rng } = context;
  const R = world.regions.length;
  const U = world.users.length;
  const announcing = (r: number): boolean => !conditions.isDark(r) && routable[r] === 1;
  const announced = Array.from({ length: R }, (_, r) => new History<boolean>(announcing(r)));
  const convergenceDelayS = Float64Array.from({ length: U }, () => rng.uniform() * settings.anycastConvergenceS);
  let lastChangeS = Number.NEGATIVE_INFINITY;
  const settled = new Int32Array(U).fill(-2); // cached route once converged, -2 = not computed

  const routeAt = (u: number, nowS: number): number => {
    const viewS = nowS - (convergenceDelayS[u] as number);
    if (viewS >= lastChangeS) {
      if (settled[u] === -2) settled[u] = lowestRtt(world, u, (r) => announced[r]?.current === true);
      return settled[u] as number;
    }
    return lowestRtt(world, u, (r) => announced[r]?.at(viewS) === true);
  };

  const refresh = (nowS: number): void => {
    let changed = false;
    for (let r = 0; r < R; r++) {
      const now = announcing(r);
      if (announced[r]?.current !== now) {
        announced[r]?.set(nowS, now);
        changed = true;
      }
    }
    if (changed) {
      lastChangeS = nowS;
      settled.fill(-2);
    }
  };

  return {
    pick: (u, nowS) => routeAt(u, nowS),
    shares: (u, nowS, out) => oneHot(out, routeAt(u, nowS)),
    soleRoute: (u, nowS) => routeAt(u, nowS),
    routableChanged: refresh,
    powerChanged: (_r, nowS) => refresh(nowS),
    requestFailed: () => {},
    nextTickS: () => Number.POSITIVE_INFINITY,
    tick: () => {},
    accessExtraMs: 0,
    retriesElsewhere: false,
  };
}
