/**
 * The load each region should expect now, in requests/s, from the routing layer's current shares: every
 * request costs its entry region, and a write its entry does not own also costs the writer. The fluid queues
 * and the autoscaler run on it.
 */
import type { Scenario, User } from '../scenario/schema.ts';
import { writerRegion, type World } from '../world.ts';
import type { Router } from './policy.ts';

export function expectedLoad(
  world: World,
  topology: Scenario['data']['topology'],
  router: Router,
  populations: readonly number[],
  nowS: number,
  shares: Float64Array,
  out: Float64Array,
): void {
  const R = world.regions.length;
  out.fill(0);
  for (const u of populations) {
    const spec = world.users[u] as User | undefined;
    if (!spec || spec.qps === 0) continue;
    const sole = router.soleRoute(u, nowS);
    if (sole >= 0) {
      out[sole] = (out[sole] as number) + spec.qps;
      if (spec.writeRatio > 0) {
        const writer = writerRegion(world, topology, u, sole);
        if (writer !== sole) out[writer] = (out[writer] as number) + spec.qps * spec.writeRatio;
      }
      continue;
    }
    router.shares(u, nowS, shares);
    for (let r = 0; r < R; r++) {
      const share = shares[r] as number;
      if (share === 0) continue;
      out[r] = (out[r] as number) + spec.qps * share;
      if (spec.writeRatio > 0) {
        const writer = writerRegion(world, topology, u, r);
        if (writer !== r) out[writer] = (out[writer] as number) + spec.qps * spec.writeRatio * share;
      }
    }
  }
}
