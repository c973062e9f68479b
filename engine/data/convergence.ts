/**
 * Do the replicas agree? For every tracked key, the visible value at each region that is up and holds the key,
 * compared now and after every write still on its way over a link that is whole has landed ("once replication
 * catches up"). Replicas that disagree after delivery have not converged: a partition still stands, or the merge
 * rule lost something.
 */
import type { Replication } from './replication.ts';
import type { ReplicaStore } from './replicaStore.ts';

export interface ConvergenceExample {
  readonly key: number;
  /** Each replica's visible value now. */
  readonly values: readonly { readonly region: string; readonly value: string }[];
}

export interface ConvergenceReport {
  /** How values merge (lww, counter, set, mv-register, max, region-priority). */
  readonly merge: string;
  /** Keys whose value at every region is followed (memory caps the count; see replicaStore.ts). */
  readonly trackedKeys: number;
  /** Tracked keys whose replicas show different values now (writes in flight, or held back). */
  readonly divergentNow: number;
  /** Tracked keys whose replicas would still differ once every deliverable write in flight had landed. */
  readonly divergentAfterDelivery: number;
  /** Up to 10 keys that differ now, with each replica's value. */
  readonly examples: readonly ConvergenceExample[];
}

const EXAMPLES = 10;

/** Compares the replicas of every tracked key among the regions `isUp` says are up. */
export function convergenceOf(replication: Replication, store: ReplicaStore, isUp: (r: number) => boolean, regionIds: readonly string[]): ConvergenceReport {
  // Only keys with deliveries in flight can change once replication catches up: copy and update those alone.
  const pool = replication.pool;
  const deliveries: number[] = []; // pairs: write slot, destination
  const pendingKeys = new Set<number>();
  replication.forEachInFlight((w, to, held) => {
    if (held || !isUp(to) || pool.seq[w] === 0) return;
    deliveries.push(w, to);
    pendingKeys.add(pool.key[w] as number);
  });
  const delivered = store.clone(pendingKeys);
  for (let i = 0; i < deliveries.length; i += 2) delivered.apply(deliveries[i + 1] as number, pool, deliveries[i] as number);
  const regions = regionIds.map((_, r) => r).filter(isUp);
  let divergentNow = 0;
  let divergentAfterDelivery = 0;
  const examples: ConvergenceExample[] = [];
  for (const key of store.keyList()) {
    const holders = regions.filter((r) => store.holds(r, key));
    const nowAgree = agree(store, holders, key);
    if (!nowAgree) {
      divergentNow++;
      if (examples.length < EXAMPLES) {
        examples.push({ key, values: holders.map((r) => ({ region: regionIds[r] ?? '', value: store.valueOf(r, key, regionIds)?.text ?? '' })) });
      }
    }
    if (pendingKeys.has(key) ? !agree(delivered, holders, key) : !nowAgree) divergentAfterDelivery++;
  }
  return { merge: store.kind, trackedKeys: store.trackedKeys, divergentNow, divergentAfterDelivery, examples };
}

function agree(store: ReplicaStore, regions: readonly number[], key: number): boolean {
  for (let i = 1; i < regions.length; i++) if (!store.sameValue(regions[0] as number, regions[i] as number, key)) return false;
  return true;
}
