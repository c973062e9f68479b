/**
 * Client-side routing: the SDK probes every region's latency every clientProbeIntervalS and sends each
 * request to the fastest one that answered. A request that fails (after its timeout, for a dark region) is
 * retried at once at the next-best region, and the SDK stops using the failed region until a probe finds it
 * answering again. It needs no health system at all.
 */
import { lowestRtt, oneHot, type Router, type RoutingContext } from './policy.ts';

export function createClientSdk(context: RoutingContext): Router {
  const { world, settings, conditions, rng } = context;
  const R = world.regions.length;
  const U = world.users.length;
  const excluded = new Uint8Array(U * R);
  const routes = Int32Array.from({ length: U }, (_, u) => lowestRtt(world, u, () => true));
  const nextProbeS = Float64Array.from({ length: U }, () => rng.uniform() * settings.clientProbeIntervalS);
  const choose = (u: number): void => {
    routes[u] = lowestRtt(world, u, (r) => excluded[u * R + r] === 0);
  };
  const answers = (r: number): boolean => {
    if (conditions.isDark(r)) return false;
    const gray = conditions.grayOf(r);
    return !(gray && gray.errorRate >= 1);
  };

  return {
    pick: (u) => routes[u] ?? -1,
    shares: (u, _nowS, out) => oneHot(out, routes[u] ?? -1),
    soleRoute: (u) => routes[u] ?? -1,
    routableChanged: () => {},
    powerChanged: () => {},
    requestFailed(u, r) {
      if (excluded[u * R + r]) return;
      excluded[u * R + r] = 1;
      choose(u);
    },
    nextTickS: () => nextProbeS.reduce((min, t) => Math.min(min, t), Number.POSITIVE_INFINITY),
    tick(nowS) {
      for (let u = 0; u < U; u++) {
        if ((nextProbeS[u] as number) > nowS) continue;
        for (let r = 0; r < R; r++) excluded[u * R + r] = answers(r) ? 0 : 1;
        choose(u);
        nextProbeS[u] = (nextProbeS[u] as number) + settings.clientProbeIntervalS;
      }
    },
    accessExtraMs: 0,
    retriesElsewhere: true,
  };
}
