/**
 * A global L7 load balancer (Cloudflare, AWS Global Accelerator): users reach the nearest edge point of
 * presence (a short hop, edgeRttMs) and the balancer forwards to a healthy region, the one with the lowest
 * latency or by region weights. A region leaves rotation when the health system marks it down, with no DNS
 * delay; until then, requests forwarded to it fail.
 */
import { lowestRtt, oneHot, type Router, type RoutingContext } from './policy.ts';

export function createGlobalLb(context: RoutingContext): Router {
  const { world, settings, routable } = context;
  const R = world.regions.length;
  const U = world.users.length;
  const weighted = settings.balance === 'weighted';
  let routes = new Int32Array(U);
  let weights = new Float64Array(R);

  const refresh = (): void => {
    routes = Int32Array.from({ length: U }, (_, u) => lowestRtt(world, u, (r) => routable[r] === 1));
    weights = Float64Array.from(world.regions, (region, r) => (routable[r] ? region.weight : 0));
    const total = weights.reduce((s, w) => s + w, 0);
    if (total > 0) weights = weights.map((w) => w / total);
  };
  refresh();

  return {
    pick(u, _nowS, rng) {
      if (!weighted) return routes[u] ?? -1;
      let x = rng.uniform();
      for (let r = 0; r < R; r++) {
        x -= weights[r] as number;
        if (x < 0) return r;
      }
      return routes[u] ?? -1;
    },
    shares(u, _nowS, out) {
      if (weighted && weights.some((w) => w > 0)) out.set(weights);
      else oneHot(out, routes[u] ?? -1);
    },
    soleRoute: (u) => (weighted ? -1 : (routes[u] ?? -1)),
    routableChanged: refresh,
    powerChanged: () => {},
    requestFailed: () => {},
    nextTickS: () => Number.POSITIVE_INFINITY,
    tick: () => {},
    accessExtraMs: settings.edgeRttMs,
    retriesElsewhere: false,
  };
}
