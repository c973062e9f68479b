/**
 * The data semantics of a run, together: replication streams, conflict tracking, read consistency and
 * sovereignty checks. Built for a world; rebuilt when a live edit changes the regions (the counts so far carry
 * over), updated in place when it does not.
 */
import type { Conditions } from '../conditions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../world.ts';
import { ConflictTracker } from './conflicts.ts';
import { ReadConsistency } from './consistency.ts';
import { ReplicaStore, mergeKindOf } from './replicaStore.ts';
import { Replication, type ReplicationSettings } from './replication.ts';
import { Sovereignty } from './sovereignty.ts';

export class DataLayer {
  readonly replication: Replication;
  readonly conflicts: ConflictTracker;
  readonly consistency: ReadConsistency;
  readonly sovereignty: Sovereignty;

  constructor(world: World, scenario: Scenario, conditions: Conditions, previous?: DataLayer) {
    const store = new ReplicaStore(world.regions.length, mergeKindOf(scenario.data));
    this.replication = new Replication(world, conditions, replicationSettings(scenario), store);
    this.conflicts = new ConflictTracker(world, scenario.data);
    this.consistency = new ReadConsistency(world, scenario.data, this.conflicts);
    this.sovereignty = new Sovereignty(world, scenario.data.datasets, (r) => conditions.isDark(r));
    if (previous) {
      // A live edit of the regions restarts the streams and per-key state, but what happened stays counted.
      this.replication.inheritLosses(previous.replication);
      this.conflicts.inheritCounts(previous.conflicts);
      this.consistency.inheritCounts(previous.consistency);
      this.sovereignty.inherit(previous.sovereignty);
    }
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
}

function replicationSettings(scenario: Scenario): ReplicationSettings {
  return {
    writeBytes: scenario.workload.writeBytes,
    linkMbps: scenario.data.replicationMbps,
    batchMs: scenario.data.replicationBatchMs,
  };
}
