/**
 * GeoDNS: the authoritative server answers each resolver with the region nearest to it by geography among
 * those the health system reports healthy; resolvers cache the answer for the TTL. Each population stands
 * behind RESOLVER_GROUPS resolvers whose caches expire at staggered times, so after the answer changes traffic
 * drains from the old region gradually, over one TTL. A share of clients ignores the TTL and holds its answer
 * for ignoreTtlHoldS.
 */
import { History } from './history.ts';
import { oneHot, type Router, type RoutingContext } from './policy.ts';

export const RESOLVER_GROUPS = 32;

export function createGeoDns(context: RoutingContext): Router {
  const { world, settings, routable, rng } = context;
  const R = world.regions.length;
  const U = world.users.length;
  const ttlS = settings.dnsTtlS;
  const ignoring = Math.round(settings.ignoreTtlShare * RESOLVER_GROUPS);
  const holdOf = (g: number): number => (g < ignoring ? settings.ignoreTtlHoldS : ttlS);
  const maxHoldS = Math.max(ttlS, ignoring > 0 ? settings.ignoreTtlHoldS : 0);
  // Resolver g of population u last resolved at phase + k * hold; phases spread evenly over the hold, with jitter.
  const phases = new Float64Array(U * RESOLVER_GROUPS);
  for (let i = 0; i < phases.length; i++) {
    const g = i % RESOLVER_GROUPS;
    // TTL-ignoring groups spread over their own hold, the others over the TTL.
    const [slot, slots] = g < ignoring ? [g, ignoring] : [g - ignoring, RESOLVER_GROUPS - ignoring];
    phases[i] = ((slot + rng.uniform()) / slots) * holdOf(g);
  }

  const nearestHealthy = (u: number): number => {
    let best = -1;
    let fallback = -1;
    for (let r = 0; r < R; r++) {
      const km = world.userKm[u * R + r] as number;
      if (fallback < 0 || km < (world.userKm[u * R + fallback] as number)) fallback = r;
      if (routable[r] && (best < 0 || km < (world.userKm[u * R + best] as number))) best = r;
    }
    return best >= 0 ? best : fallback; // with nothing healthy, DNS still answers with the nearest
  };
  const answers = Array.from({ length: U }, (_, u) => new History<number>(nearestHealthy(u)));

  const answerOf = (u: number, g: number, nowS: number): number => {
    const history = answers[u] as History<number>;
    const hold = holdOf(g);
    if (hold <= 0 || nowS - history.lastChangeS >= hold) return history.current;
    const phase = phases[u * RESOLVER_GROUPS + g] as number;
    const lastResolvedS = phase + Math.floor((nowS - phase) / hold) * hold;
    return history.at(lastResolvedS);
  };

  return {
    pick: (u, nowS, pickRng) => answerOf(u, Math.floor(pickRng.uniform() * RESOLVER_GROUPS), nowS),
    shares(u, nowS, out) {
      const history = answers[u] as History<number>;
      if (nowS - history.lastChangeS >= maxHoldS) return oneHot(out, history.current);
      out.fill(0);
      for (let g = 0; g < RESOLVER_GROUPS; g++) {
        const r = answerOf(u, g, nowS);
        out[r] = (out[r] ?? 0) + 1 / RESOLVER_GROUPS;
      }
    },
    soleRoute(u, nowS) {
      const history = answers[u] as History<number>;
      return nowS - history.lastChangeS >= maxHoldS ? history.current : -1;
    },
    routableChanged(nowS) {
      for (let u = 0; u < U; u++) answers[u]?.set(nowS, nearestHealthy(u));
    },
    powerChanged: () => {},
    requestFailed: () => {},
    nextTickS: () => Number.POSITIVE_INFINITY,
    tick: () => {},
    accessExtraMs: 0,
    retriesElsewhere: false,
  };
}
