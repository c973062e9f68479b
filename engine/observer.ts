/**
 * A run's trace, for checkers that re-derive the engine's numbers from first principles (the invariant runner,
 * tests): every write committed, every delivery of a write to a replica, every answer that reached a client,
 * every read decision. Optional and off by default: nothing is recorded unless an observer is passed to
 * `createSimulation`. Callbacks must not change what they are given.
 */
export interface SimulationObserver {
  /** A write committed at region `region` (an index of the world's regions) at `commitS`. `id` is unique per run. */
  committed?(write: { readonly id: number; readonly key: number; readonly region: number; readonly commitS: number; readonly stampS: number; readonly weight: number }): void;
  /** Region `region` applied write `id` at `applyS` (reported when the replication streams are drained). */
  applied?(id: number, region: number, applyS: number): void;
  /** A request's outcome reached its client at `atS`. `writeId` is the write it committed (-1 if none). */
  answered?(answer: {
    readonly user: number;
    readonly key: number;
    readonly isWrite: boolean;
    readonly ok: boolean;
    readonly sentS: number;
    readonly atS: number;
    readonly weight: number;
    readonly entry: number;
    readonly writer: number;
    readonly entryArriveS: number;
    readonly entryLeaveS: number;
    readonly writerArriveS: number;
    readonly writerLeaveS: number;
    readonly writeId: number;
  }): void;
  /**
   * A read of `key` entering region `entry` at `atS` was served there (by its replica, or as the key's leader:
   * `atLeader`, counted fresh) with the given staleness, or forwarded to the leader.
   */
  read?(read: { readonly user: number; readonly key: number; readonly entry: number; readonly atS: number; readonly forwarded: boolean; readonly atLeader: boolean; readonly stalenessMs: number; readonly mode: string }): void;
}
