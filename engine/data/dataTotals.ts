/**
 * The data layer's cumulative counts over a run, in one record the run owns: a live edit that changes the
 * regions rebuilds the replication streams, the per-key state and the trackers, but hands them this same record,
 * so no count can be dropped on the way (engine/simulation.test.ts checks every one across such an edit).
 */
import type { Scenario } from '../scenario/schema.ts';
import { LatencyHistogram } from '../stats/histogram.ts';
import type { ConflictExample } from './conflicts.ts';
import type { LostWrite } from './replication.ts';
import type { MutableViolation } from './sovereignty.ts';

type ReadMode = Scenario['data']['reads'];
export const READ_MODES: readonly ReadMode[] = ['eventual', 'bounded', 'session', 'strong'];

/** Reads of one mode: how many, how many stale and forwarded, and how stale. */
export class ModeReads {
  reads = 0;
  stale = 0;
  forwarded = 0;
  readonly staleness = new LatencyHistogram();
  stalenessMaxMs = 0;
}

export class DataTotals {
  // Replication (replication.ts).
  /** Acknowledged writes lost (weighted), the RPO (age of the oldest at its loss, s), and examples. */
  lostWrites = 0;
  rpoS = 0;
  readonly ledger: LostWrite[] = [];
  /** Writes committed (weighted), replicated or not. */
  committedWrites = 0;
  /** The next write's version number: unique over the run. */
  nextVersion = 1;
  // Conflicts (conflicts.ts).
  /** Pairs of writes of one key from different regions where neither had seen the other (weighted). */
  concurrentPairs = 0;
  /** Writes LWW silently discarded (each once, weighted). */
  lwwDiscardedWrites = 0;
  /** Of those, writes discarded for a write that committed earlier in true time (clock skew). */
  lwwDiscardedLaterWrites = 0;
  /** Concurrent pairs a CRDT or an application merge kept both writes of. */
  mergedPairs = 0;
  readonly conflictExamples: ConflictExample[] = [];
  // Read consistency (consistency.ts).
  reads = 0;
  staleReads = 0;
  forwardedReads = 0;
  readYourWritesViolations = 0;
  monotonicViolations = 0;
  stalenessMaxMs = 0;
  /** Per read mode, in READ_MODES order. */
  readonly modes: readonly ModeReads[] = READ_MODES.map(() => new ModeReads());
  // Data placement (sovereignty.ts): each violation by its kind, dataset and route.
  readonly violations = new Map<string, MutableViolation>();

  modeReads(mode: ReadMode): ModeReads {
    return this.modes[READ_MODES.indexOf(mode)] as ModeReads;
  }
}
