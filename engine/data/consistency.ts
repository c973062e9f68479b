/**
 * Read consistency (`data.reads`): where a read is served, and what it sees.
 *
 * A replica's staleness for a key is how long its value has been superseded: the age of the oldest committed write
 * of the key it has not applied yet (0 when it has them all). This is the bound real systems enforce (CockroachDB's
 * closed timestamps, Cosmos DB's bounded staleness): while writes go on, the age of the *latest* missing write
 * stays small however far behind the replica is, so it bounds nothing.
 * - eventual: the local replica, whatever it has;
 * - bounded: the local replica unless it is staler than `data.boundedStalenessMs` (CockroachDB's follower reads:
 *   4.8 s), then the leader;
 * - session: the local replica unless it lacks the session's own acknowledged write, or lacks a write the session
 *   had already seen (monotonic reads), then the leader (the client forwards rather than waits);
 * - strong: always the leader, never stale.
 * The leader of a key is the primary (active-passive), the population's home (home-region), or the region of the
 * key's latest write (active-active); a read it serves counts as fresh.
 *
 * A read "sees" a replica's state up to its oldest missing write: everything committed before it. A session
 * remembers that point per key; a later read from a replica whose oldest missing write is older than it goes back
 * in time (a monotonic-read violation). Staleness is reported per read mode: p50, p99 and max.
 */
import type { SimulationObserver } from '../observer.ts';
import type { Scenario } from '../scenario/schema.ts';
import { LatencyHistogram } from '../stats/histogram.ts';
import { writerRegion, type World } from '../world.ts';
import { DataTotals, READ_MODES, ModeReads } from './dataTotals.ts';
import type { KeyState } from './keyState.ts';
import type { WritePool } from './writePool.ts';

/** Slots of each session's memory of its writes and reads: a direct-mapped cache, key modulo this. */
const SESSION_SLOTS = 64;

type ReadMode = Scenario['data']['reads'];
export { READ_MODES, ModeReads } from './dataTotals.ts';

/**
 * What a session remembers, in fixed slots (a newer key evicts the one in its slot): the keys it wrote with the
 * write's pool slot and generation (to ask where it has arrived) and when it was acknowledged; the keys it read
 * with how far the state it saw reached (the commit time of the oldest write missing there, or the read's time).
 */
type Session = Float64Array;
// A session's cells: per memory slot, side by side (one cache line a slot).
const WRITE_KEY = 0;
const WRITE_SLOT = 1;
const WRITE_GEN = 2;
const WRITE_ACK_S = 3;
const READ_KEY = 4;
const READ_SEEN_S = 5;
const CELLS = 6;

export interface ReadDecision {
  /** Region the read must be served by instead of its entry, or -1 to serve it locally. */
  readonly forwardTo: number;
}

const LOCAL: ReadDecision = { forwardTo: -1 };

export class ReadConsistency {
  /** Per population index. */
  private readonly sessions: (Session | undefined)[] = [];
  private readonly decisions: ReadDecision[];

  constructor(
    private world: World,
    private data: Scenario['data'],
    private readonly pool: WritePool,
    private readonly keys: KeyState,
    /** Whether region r is a replica of the key's latest write (data placement may keep it out). */
    private readonly holds: (key: number, user: number, r: number) => boolean,
    private readonly observer?: SimulationObserver,
    /** The run's counts (kept across rebuilds of the data layer). */
    private readonly totals = new DataTotals(),
  ) {
    this.decisions = world.regions.map((_, r) => ({ forwardTo: r }));
  }

  get reads(): number {
    return this.totals.reads;
  }

  get stale(): number {
    return this.totals.staleReads;
  }

  get forwarded(): number {
    return this.totals.forwardedReads;
  }

  get readYourWritesViolations(): number {
    return this.totals.readYourWritesViolations;
  }

  get monotonicViolations(): number {
    return this.totals.monotonicViolations;
  }

  get stalenessMaxMs(): number {
    return this.totals.stalenessMaxMs;
  }

  update(world: World, data: Scenario['data']): void {
    this.world = world;
    this.data = data;
  }

  private modeReads(mode: ReadMode): ModeReads {
    return this.totals.modeReads(mode);
  }

  /** Reads per read mode that had any. */
  get byMode(): Map<ReadMode, ModeReads> {
    return new Map(READ_MODES.map((mode, i) => [mode, this.totals.modes[i] as ModeReads] as const).filter(([, reads]) => reads.reads > 0));
  }

  /** Staleness over every read, whatever its mode. */
  get staleness(): LatencyHistogram {
    const all = new LatencyHistogram();
    for (const reads of this.totals.modes) all.merge(reads.staleness);
    return all;
  }

  private session(u: number): Session {
    let session = this.sessions[u];
    if (!session) {
      session = new Float64Array(SESSION_SLOTS * CELLS);
      for (let i = 0; i < SESSION_SLOTS; i++) {
        session[i * CELLS + WRITE_KEY] = -1;
        session[i * CELLS + WRITE_SLOT] = -1;
        session[i * CELLS + READ_KEY] = -1;
      }
      this.sessions[u] = session;
    }
    return session;
  }

  private leaderOf(u: number, slot: number, entry: number): number {
    switch (this.data.topology) {
      case 'active-passive':
        return this.world.primaryIndex;
      case 'home-region':
        return writerRegion(this.world, 'home-region', u, entry); // the home, or where its data was promoted
      case 'active-active': {
        const latest = slot < 0 ? -1 : this.keys.latestRegion(slot);
        return latest >= 0 ? latest : entry;
      }
    }
  }

  /** The session of population u was told its write w (a pool slot) of `key` succeeded at `ackS`. */
  recordWrite(u: number, key: number, w: number, ackS: number): void {
    const session = this.session(u);
    const at = (key % SESSION_SLOTS) * CELLS;
    session[at + WRITE_KEY] = key;
    session[at + WRITE_SLOT] = w;
    session[at + WRITE_GEN] = this.pool.gen[w] as number;
    session[at + WRITE_ACK_S] = ackS;
  }

  /**
   * A read of `key` by population u entering region `entry` at `nowS`, standing for `weight` reads: decides where
   * it is served and records what it sees there.
   */
  read(u: number, key: number, entry: number, nowS: number, weight: number): ReadDecision {
    const session = this.session(u);
    const pool = this.pool;
    const R = this.world.regions.length;
    const slot = this.keys.find(key);
    // How far the replica's state reaches: the commit of its oldest missing write (Infinity: it misses none).
    let seenUpToS = Number.POSITIVE_INFINITY;
    if (slot >= 0) {
      const latestCommitS = this.keys.latestCommitS(slot);
      if (latestCommitS <= nowS && this.keys.latestRegion(slot) !== entry && !this.holds(key, this.keys.latestUser(slot), entry)) {
        seenUpToS = latestCommitS; // not a replica of this data: it has none of it (at least the latest is missing)
      } else {
        const oldest = this.keys.oldestMissing(slot, entry, nowS);
        if (oldest >= 0) seenUpToS = pool.commitS[oldest] as number;
      }
    }
    const missing = seenUpToS <= nowS;
    const stalenessMs = missing ? (nowS - seenUpToS) * 1000 : 0;
    const memory = (key % SESSION_SLOTS) * CELLS;
    // The session's own write counts once it was acknowledged: a read racing an unanswered write is no violation.
    const own = session[memory + WRITE_SLOT] as number;
    const ownWriteMissing =
      session[memory + WRITE_KEY] === key &&
      (session[memory + WRITE_ACK_S] as number) <= nowS &&
      pool.isLive(own, session[memory + WRITE_GEN] as number) &&
      !((pool.applyAtS[own * R + entry] as number) <= nowS);
    const goesBack = missing && session[memory + READ_KEY] === key && (session[memory + READ_SEEN_S] as number) > seenUpToS;

    let forward = false;
    const mode = this.data.reads;
    switch (mode) {
      case 'strong':
        forward = true;
        break;
      case 'bounded':
        forward = stalenessMs > this.data.boundedStalenessMs;
        break;
      case 'session':
        forward = ownWriteMissing || goesBack;
        break;
      case 'eventual':
        break;
    }
    const leader = this.leaderOf(u, slot, entry);
    const byMode = this.modeReads(mode);
    this.totals.reads += weight;
    byMode.reads += weight;
    if (forward) {
      // Served by the leader, which has every write of the key: fresh.
      if (leader !== entry) {
        this.totals.forwardedReads += weight;
        byMode.forwarded += weight;
      }
      this.remember(session, memory, key, nowS);
      this.recordStaleness(byMode, 0, weight);
      this.observer?.read?.({ user: u, key, entry, atS: nowS, forwarded: leader !== entry, atLeader: leader === entry, stalenessMs: 0, mode });
      return leader === entry ? LOCAL : (this.decisions[leader] ?? LOCAL);
    }
    // Served by the local replica: judge what it returns.
    if (missing) {
      this.totals.staleReads += weight;
      byMode.stale += weight;
      if (ownWriteMissing) this.totals.readYourWritesViolations += weight;
      if (goesBack) this.totals.monotonicViolations += weight;
    }
    this.recordStaleness(byMode, stalenessMs, weight);
    this.remember(session, memory, key, missing ? seenUpToS : nowS);
    this.observer?.read?.({ user: u, key, entry, atS: nowS, forwarded: false, atLeader: false, stalenessMs, mode });
    return LOCAL;
  }

  private recordStaleness(byMode: ModeReads, ms: number, weight: number): void {
    byMode.staleness.record(ms, weight);
    if (ms > this.totals.stalenessMaxMs) this.totals.stalenessMaxMs = ms;
    if (ms > byMode.stalenessMaxMs) byMode.stalenessMaxMs = ms;
  }

  private remember(session: Session, memory: number, key: number, seenUpToS: number): void {
    if (session[memory + READ_KEY] === key && (session[memory + READ_SEEN_S] as number) > seenUpToS) return; // keep the furthest seen
    session[memory + READ_KEY] = key;
    session[memory + READ_SEEN_S] = seenUpToS;
  }
}
