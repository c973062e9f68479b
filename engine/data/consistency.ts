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
import { writerRegion, type World } from '../world.ts';
import { LatencyHistogram } from '../stats/histogram.ts';

/** Slots of each session's memory of its writes and reads: a direct-mapped cache, key modulo this. */
const SESSION_SLOTS = 64;

/**
 * What a session remembers, in fixed slots (a newer key evicts the one in its slot): the keys it wrote with when
 * each region applies that write, and the keys it read with the commit time of the version it saw.
 */
interface Session {
  readonly writeKeys: Float64Array;
  readonly writeApplyAt: Float64Array; // SESSION_SLOTS x regions
  /** When the session was told each write succeeded: read-your-writes holds from then on. */
  readonly writeAckS: Float64Array;
  readonly readKeys: Float64Array;
  readonly readVersions: Float64Array;
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
      session = {
        writeKeys: new Float64Array(SESSION_SLOTS).fill(-1),
        writeApplyAt: new Float64Array(SESSION_SLOTS * this.world.regions.length),
        writeAckS: new Float64Array(SESSION_SLOTS),
        readKeys: new Float64Array(SESSION_SLOTS).fill(-1),
        readVersions: new Float64Array(SESSION_SLOTS),
      };
      this.sessions.set(u, session);
    }
    return session;
  }

  private leaderOf(u: number, key: number, entry: number): number {
    switch (this.data.topology) {
      case 'active-passive':
        return this.world.primaryIndex;
      case 'home-region':
        return writerRegion(this.world, 'home-region', u, entry); // the home, or where its data was promoted
      case 'active-active':
        return this.latest.latestOf(key)?.region ?? entry;
    }
  }

  /** The session of population u wrote `key`, acknowledged at `ackS`; `applyAt` says when each region has it. */
  recordWrite(u: number, key: number, applyAt: Float64Array, ackS: number): void {
    const session = this.session(u);
    const slot = key % SESSION_SLOTS;
    const R = this.world.regions.length;
    if (session.writeApplyAt.length !== SESSION_SLOTS * R) return; // regions changed under this session
    session.writeKeys[slot] = key;
    session.writeApplyAt.set(applyAt.subarray(0, R), slot * R);
    session.writeAckS[slot] = ackS;
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
    const slot = key % SESSION_SLOTS;
    const R = this.world.regions.length;
    // The session's own write counts once it was acknowledged: a read racing an unanswered write is no violation.
    const ownWriteMissing = session.writeKeys[slot] === key && (session.writeAckS[slot] as number) <= nowS && !((session.writeApplyAt[slot * R + entry] as number) <= nowS);
    const goesBack = missingHere && session.readKeys[slot] === key && (session.readVersions[slot] as number) >= (latest?.commitS ?? 0);

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
    const slot = key % SESSION_SLOTS;
    session.readKeys[slot] = key;
    session.readVersions[slot] = versionS;
  }
}
