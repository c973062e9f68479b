/**
 * Read consistency (`data.reads`): where a read is served, and what it sees.
 *
 * A replica is stale for a key when the key's latest committed write has not been applied there yet; the read's
 * staleness is how long ago that write committed. Each user population keeps a session: its recent writes and the
 * versions it last read, so read-your-writes and monotonic reads can be judged.
 * - eventual: the local replica, whatever it has;
 * - bounded: the local replica unless it is staler than `data.boundedStalenessMs` (CockroachDB's follower reads:
 *   4.8 s), then the leader;
 * - session: the local replica unless the session would see its own write missing or an older version than it
 *   saw before, then the leader (the client forwards rather than waits);
 * - strong: always the leader (the key's owner), never stale.
 * The leader of a key is the primary (active-passive), the population's home (home-region), or the region of the
 * key's latest write (active-active).
 */
import type { ConflictTracker } from './conflicts.ts';
import type { Scenario } from '../scenario/schema.ts';
import { homeRegion, type World } from '../world.ts';
import { LatencyHistogram } from '../stats/histogram.ts';

/** Writes and reads each session remembers (most recent). */
const SESSION_MEMORY = 64;

interface Session {
  /** Key -> the apply times of the session's last write of it, by region. */
  readonly writes: Map<number, Float64Array>;
  /** Key -> commit time of the newest version the session has read. */
  readonly reads: Map<number, number>;
}

export interface ReadDecision {
  /** Region the read must be served by instead of its entry, or -1 to serve it locally. */
  readonly forwardTo: number;
}

export class ReadConsistency {
  private readonly sessions = new Map<number, Session>();
  reads = 0;
  stale = 0;
  forwarded = 0;
  readYourWritesViolations = 0;
  monotonicViolations = 0;
  readonly staleness = new LatencyHistogram();

  constructor(
    private world: World,
    private data: Scenario['data'],
    private readonly latest: ConflictTracker,
  ) {}

  /** Takes over the counts of the tracker this one replaces (a live edit of the regions). */
  inheritCounts(previous: ReadConsistency): void {
    this.reads += previous.reads;
    this.stale += previous.stale;
    this.forwarded += previous.forwarded;
    this.readYourWritesViolations += previous.readYourWritesViolations;
    this.monotonicViolations += previous.monotonicViolations;
    this.staleness.merge(previous.staleness);
  }

  update(world: World, data: Scenario['data']): void {
    this.world = world;
    this.data = data;
  }

  private session(u: number): Session {
    let session = this.sessions.get(u);
    if (!session) {
      session = { writes: new Map(), reads: new Map() };
      this.sessions.set(u, session);
    }
    return session;
  }

  private leaderOf(u: number, key: number, entry: number): number {
    switch (this.data.topology) {
      case 'active-passive':
        return this.world.primaryIndex;
      case 'home-region':
        return homeRegion(this.world, u);
      case 'active-active':
        return this.latest.latestOf(key)?.region ?? entry;
    }
  }

  /** The session of population u wrote `key`; `applyAt` says when each region has it. */
  recordWrite(u: number, key: number, applyAt: Float64Array): void {
    const writes = this.session(u).writes;
    writes.delete(key);
    writes.set(key, Float64Array.from(applyAt));
    if (writes.size > SESSION_MEMORY) writes.delete(writes.keys().next().value as number);
  }

  /**
   * A read of `key` by population u entering region `entry` at `nowS`, standing for `weight` reads: decides where
   * it is served and records what it sees there.
   */
  read(u: number, key: number, entry: number, nowS: number, weight: number): ReadDecision {
    const session = this.session(u);
    const latest = this.latest.latestOf(key);
    const committed = latest !== undefined && latest.commitS <= nowS;
    const missingHere = committed && !((latest.applyAt[entry] as number) <= nowS); // NaN: held back
    const stalenessMs = missingHere ? (nowS - latest.commitS) * 1000 : 0;
    const ownWrite = session.writes.get(key);
    const ownWriteMissing = ownWrite !== undefined && !((ownWrite[entry] as number) <= nowS);
    const lastSeen = session.reads.get(key);
    const goesBack = lastSeen !== undefined && missingHere && lastSeen >= (latest?.commitS ?? 0);

    let forward = false;
    switch (this.data.reads) {
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
    const leader = this.leaderOf(u, key, entry);
    this.reads += weight;
    if (forward && leader !== entry) {
      this.forwarded += weight;
      if (committed) this.remember(session, key, latest.commitS);
      this.staleness.record(0, weight);
      return { forwardTo: leader };
    }
    // Served here (the leader itself, or a replica): judge what it returns.
    if (missingHere && !(forward && leader === entry)) {
      this.stale += weight;
      this.staleness.record(stalenessMs, weight);
      if (ownWriteMissing) this.readYourWritesViolations += weight;
      if (goesBack) this.monotonicViolations += weight;
    } else {
      this.staleness.record(0, weight);
      if (committed) this.remember(session, key, latest.commitS);
    }
    return { forwardTo: -1 };
  }

  private remember(session: Session, key: number, versionS: number): void {
    session.reads.delete(key);
    session.reads.set(key, versionS);
    if (session.reads.size > SESSION_MEMORY) session.reads.delete(session.reads.keys().next().value as number);
  }
}
