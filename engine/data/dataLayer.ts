/**
 * The data semantics of a run, together: the pool of writes in play, per-key state, replication streams,
 * conflict tracking, read consistency and sovereignty checks. Built for a world; rebuilt when a live edit changes
 * the regions (the counts so far carry over), updated in place when it does not.
 *
 * A write enters through `commit`, at its commit time on the simulation's clock (writes commit in time order),
 * and leaves through `answered` once its client has heard (or never will).
 */
import type { Conditions } from '../conditions.ts';
import type { SimulationObserver } from '../observer.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';
import { ConflictTracker } from './conflicts.ts';
import { ReadConsistency } from './consistency.ts';
import { KeyState } from './keyState.ts';
import { ReplicaStore, mergeKindOf } from './replicaStore.ts';
import { Replication, type ReplicationSettings } from './replication.ts';
import { Sovereignty } from './sovereignty.ts';
import { WritePool } from './writePool.ts';
import type { DataTotals } from './dataTotals.ts';

export class DataLayer {
  readonly pool: WritePool;
  readonly keys: KeyState;
  readonly replication: Replication;
  readonly conflicts: ConflictTracker;
  readonly consistency: ReadConsistency;
  readonly sovereignty: Sovereignty;
  private readonly replicas: number[] = [];

  constructor(
    world: World,
    scenario: Scenario,
    conditions: Conditions,
    /** The run's cumulative counts: the same record for every data layer of a run (a live edit rebuilds this one). */
    readonly totals: DataTotals,
    private readonly observer?: SimulationObserver,
  ) {
    const R = world.regions.length;
    const kind = mergeKindOf(scenario.data);
    this.pool = new WritePool(R, kind === 'mv-register');
    // Home-region keys are numbered per home (home x keyCount + key).
    this.keys = new KeyState(this.pool, (scenario.data.topology === 'home-region' ? R : 1) * scenario.workload.keyCount);
    const store = new ReplicaStore(R, kind);
    this.replication = new Replication(world, conditions, replicationSettings(scenario), this.pool, this.keys, store, observer, totals);
    this.conflicts = new ConflictTracker(world, scenario.data, this.pool, this.keys, totals);
    this.sovereignty = new Sovereignty(world, scenario.data.datasets, (r) => conditions.isDark(r), totals);
    const sovereignty = this.sovereignty;
    // Datasets may come with a live edit (update): placement is asked each time.
    const holds = (key: number, user: number, r: number) => !sovereignty.active || sovereignty.mayReplicateTo(key, user, r);
    this.consistency = new ReadConsistency(world, scenario.data, this.pool, this.keys, holds, observer, totals);
  }

  /** Same regions, new geometry or settings. */
  update(world: World, scenario: Scenario): void {
    this.replication.updateWorld(world, replicationSettings(scenario));
    // A new merge rule starts following replica values afresh (old states were merged by the old rule).
    if (this.replication.store.kind !== mergeKindOf(scenario.data)) this.replication.store = new ReplicaStore(world.regions.length, mergeKindOf(scenario.data));
    this.conflicts.update(world, scenario.data);
    this.consistency.update(world, scenario.data);
    this.sovereignty.update(world, scenario.data.datasets);
  }

  /**
   * A write of `key` by population `user` commits at region `writer` at `commitS` (now, on the simulation's
   * clock), standing for `weight` writes. Returns its pool slot: `pool.applyAtS` says when each region applies it.
   */
  commit(writer: number, commitS: number, key: number, user: number, weight: number): number {
    const sovereignty = this.sovereignty;
    const keepsOut = sovereignty.active ? (to: number) => !sovereignty.mayReplicateTo(key, user, to) : undefined;
    const w = this.replication.replicate(writer, commitS, key, weight, keepsOut);
    this.observer?.committed?.({ id: this.pool.version[w] as number, key, region: writer, commitS, stampS: this.pool.stampS[w] as number, weight });
    const slot = this.keys.slotFor(key);
    this.conflicts.onCommit(slot, w);
    this.keys.onCommit(slot, w, user);
    if (sovereignty.active) {
      const R = this.pool.regionCount;
      const replicas = this.replicas;
      replicas.length = 0;
      for (let r = 0; r < R; r++) if (r !== writer && this.pool.applyAtS[w * R + r] !== Number.POSITIVE_INFINITY) replicas.push(r);
      sovereignty.onWrite(key, user, writer, replicas, commitS, weight);
    }
    return w;
  }

  /**
   * The client of write w (population `user`) heard at `atS`: told it succeeded (`ok`), or never. An acknowledged
   * write no region that is up holds any more is lost; the session remembers it for read-your-writes.
   */
  answered(w: number, user: number, ok: boolean, atS: number): void {
    if (ok) {
      this.consistency.recordWrite(user, this.pool.key[w] as number, w, atS);
      this.replication.acknowledged(w, atS);
    } else {
      this.replication.unacknowledged(w);
    }
  }
}

function replicationSettings(scenario: Scenario): ReplicationSettings {
  return {
    writeBytes: scenario.workload.writeBytes,
    linkMbps: scenario.data.replicationMbps,
    batchMs: scenario.data.replicationBatchMs,
  };
}
