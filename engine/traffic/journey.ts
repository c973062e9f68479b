/**
 * One request's journey, stage by stage: user -> entry region (network), the entry's queue and service, then
 * for a write that the entry does not own, a forward to the writer region and its queue and commit, and for
 * synchronous replication the wait for replica acknowledgements; then the way back.
 *
 * Latency = user-to-entry RTT + queueing + service + any cross-region hop (a forwarded write, replica acks, a
 * client's retry after a timeout). Network legs carry jitter, a lossy link costs a retransmission, and service
 * times are log-normal: the tail is real, not a constant.
 *
 * `advance` runs one stage and says when the next one is due. In exact mode the simulation schedules each
 * stage as an event, so every region's queue sees its arrivals in time order; in aggregate mode it runs the
 * stages back to back at send time against the fluid queue model.
 */
import type { Conditions } from '../conditions.ts';
import type { DataLayer } from '../data/dataLayer.ts';
import type { RegionQueues } from '../capacity/regionQueues.ts';
import { SHED, TIMED_OUT } from '../capacity/regionQueues.ts';
import { SERVICE_SIGMA } from '../capacity/queueing.ts';
import type { Random } from '../random.ts';
import type { Router } from '../routing/policy.ts';
import type { Scenario } from '../scenario/schema.ts';
import { writerRegion, type World } from '../world.ts';

/** Relative jitter of a network leg: the sampled RTT is base * (1 + NETWORK_JITTER * |N(0,1)|). */
export const NETWORK_JITTER = 0.03;
/** How often an entry region holding a write during a failover tries the writer again, seconds. */
export const QUEUE_RETRY_S = 1;
/** TCP's minimum retransmission timeout: what a lost packet costs at least, in seconds. */
export const MIN_RTO_S = 0.2;

export type FailureReason = 'no-route' | 'unreachable' | 'error' | 'shed' | 'timeout';

export interface Journey {
  user: number;
  isWrite: boolean;
  /** Requests this journey stands for (1 in exact mode; several in aggregate mode). */
  weight: number;
  /** Key the request reads or writes. */
  key: number;
  /** When the user sent the request (the first attempt), seconds. */
  sentS: number;
  /**
   * What happens at `atS`: the attempt is sent, reaches its entry region, reaches the writer (or the key's leader),
   * commits its write there (an event of its own: writes commit in time order), or is done.
   */
  stage: 'send' | 'at-entry' | 'at-writer' | 'commit' | 'done';
  /** Start of the current attempt and the client's deadline for it. */
  attemptS: number;
  deadlineS: number;
  attempts: number;
  entry: number;
  writer: number;
  /** Sampled user <-> entry RTT of this attempt, seconds. */
  accessRttS: number;
  /** Sampled entry <-> writer RTT of this attempt, seconds (0 when the entry commits). */
  forwardRttS: number;
  /** Time of the next stage, or of completion once done. */
  atS: number;
  ok: boolean;
  failure: FailureReason | null;
  /** Region where the journey failed (-1 if it did not, or failed before reaching one). */
  failedAt: number;
  /** The write it committed (a slot of `writeOwner`'s pool), -1 if none; its client's answer is reported there. */
  write: number;
  writeOwner: DataLayer | null;
  /**
   * When the attempt reached its entry region and when its answer left it, and the same at the writer (or the
   * key's leader): a region that goes dark within its span never answers (the simulation checks it when the
   * outcome reaches the client).
   */
  entryArriveS: number;
  entryLeaveS: number;
  writerArriveS: number;
  writerLeaveS: number;
  /** Seconds from the answer leaving the writer to it reaching the client. */
  backS: number;
  /** Remote replicas whose acknowledgement the write's answer waited for (sync: every member; semi-sync: k). */
  acksNeeded: number;
}

/** What a journey needs from the simulation around it. */
export interface JourneyContext {
  readonly world: World;
  readonly data: Scenario['data'];
  readonly conditions: Conditions;
  readonly queues: RegionQueues;
  readonly router: Router;
  readonly dataLayer: DataLayer;
  readonly timeoutS: number;
  /**
   * 1 where the health checks consider the region up: synchronous and quorum replication wait only for these
   * replicas (a replica marked down leaves the replica set until it is marked up again, and catches up then).
   */
  readonly replicaMembers: Uint8Array;
  /** Scratch space for acknowledgement delays. */
  readonly ackScratch: number[];
}

/** A journey with every field set, ready for `restartJourney` (journeys are pooled and reused). */
export function emptyJourney(): Journey {
  return {
    user: -1,
    isWrite: false,
    weight: 1,
    key: 0,
    sentS: 0,
    stage: 'done',
    attemptS: 0,
    deadlineS: 0,
    attempts: 0,
    entry: -1,
    writer: -1,
    accessRttS: 0,
    forwardRttS: 0,
    atS: 0,
    ok: false,
    failure: null,
    failedAt: -1,
    write: -1,
    writeOwner: null,
    entryArriveS: 0,
    entryLeaveS: 0,
    writerArriveS: 0,
    writerLeaveS: 0,
    backS: 0,
    acksNeeded: 0,
  };
}

/** Sets `journey` up as a new request of population `user` sent at `sentS`. */
export function restartJourney(journey: Journey, user: number, isWrite: boolean, weight: number, key: number, sentS: number, timeoutS: number): Journey {
  journey.user = user;
  journey.isWrite = isWrite;
  journey.weight = weight;
  journey.key = key;
  journey.sentS = sentS;
  journey.stage = 'send';
  journey.attemptS = sentS;
  journey.deadlineS = sentS + timeoutS;
  journey.attempts = 0;
  journey.entry = -1;
  journey.writer = -1;
  journey.accessRttS = 0;
  journey.forwardRttS = 0;
  journey.atS = sentS;
  journey.ok = false;
  journey.failure = null;
  journey.failedAt = -1;
  journey.write = -1;
  journey.writeOwner = null;
  journey.entryArriveS = sentS;
  journey.entryLeaveS = sentS;
  journey.writerArriveS = sentS;
  journey.writerLeaveS = sentS;
  journey.backS = 0;
  journey.acksNeeded = 0;
  return journey;
}

function jitteredS(baseRttMs: number, rng: Random): number {
  return (baseRttMs * (1 + NETWORK_JITTER * Math.abs(rng.standardNormal()))) / 1000;
}

/** A region-to-region round trip in seconds over the link as it is now (added latency, loss). */
function linkRttS(context: JourneyContext, a: number, b: number, rng: Random): number {
  const R = context.world.regions.length;
  const link = context.conditions.linkFrom(a, b);
  let rttS = jitteredS((context.world.regionRttMs[a * R + b] as number) + link.addedMs, rng);
  if (link.loss > 0 && rng.uniform() < link.loss) rttS += Math.max(MIN_RTO_S, rttS);
  return rttS;
}

/** Seconds a request keeps one of the region's servers busy. */
function serviceS(context: JourneyContext, region: number, isWrite: boolean, rng: Random): number {
  const spec = context.world.regions[region];
  const medianMs = isWrite ? (spec?.writeServiceMs ?? 0) : (spec?.readServiceMs ?? 0);
  return (rng.logNormal(medianMs, SERVICE_SIGMA) * context.queues.stretchOf(region)) / 1000;
}

function fail(journey: Journey, reason: FailureReason, atS: number, region = -1): void {
  journey.failedAt = region;
  journey.stage = 'done';
  journey.ok = false;
  journey.failure = reason;
  journey.atS = Math.min(atS, journey.deadlineS);
}

/** The answer reaches the user at `atS` (the user was served by its entry region). */
function succeed(journey: Journey, atS: number): void {
  if (atS > journey.deadlineS) return fail(journey, 'timeout', journey.deadlineS, journey.entry);
  journey.stage = 'done';
  journey.ok = true;
  journey.failure = null;
  journey.failedAt = -1;
  journey.atS = atS;
  journey.entryLeaveS = atS - journey.accessRttS / 2;
}

/**
 * Whether the journey's outcome stands: false if its entry region or its writer went dark while the request was
 * there (between its arrival and its answer leaving). A dark region answers nothing from that instant.
 */
export function answerLeftInTime(conditions: Conditions, journey: Journey): boolean {
  if (conditions.wasDarkDuring(journey.entry, journey.entryArriveS, journey.entryLeaveS)) return false;
  return journey.writer === journey.entry || journey.writer < 0 || !conditions.wasDarkDuring(journey.writer, journey.writerArriveS, journey.writerLeaveS);
}

/** The region whose going dark failed the journey (see `answerLeftInTime`). */
export function regionThatWentDark(conditions: Conditions, journey: Journey): number {
  return conditions.wasDarkDuring(journey.entry, journey.entryArriveS, journey.entryLeaveS) ? journey.entry : journey.writer;
}

/**
 * Seconds the writer waits, after committing at `commitS`, for replica acknowledgements: sync waits for every
 * replica in the replica set to apply the write (bound by the farthest, and by any replication backlog),
 * semi-sync for `quorum` of them (the k-th fastest), async for none. NaN when the acknowledgements it needs cannot
 * come (a member is dark or cut off): a synchronous write then blocks until its client gives up, until the health
 * checks mark that replica down and it leaves the set.
 */
function replicationWaitS(context: JourneyContext, journey: Journey, writer: number, w: number, commitS: number, rng: Random): number {
  const replication = context.data.replication;
  const R = context.world.regions.length;
  const applyAtS = context.dataLayer.pool.applyAtS;
  if (replication === 'async' || R === 1) return 0;
  const acks = context.ackScratch;
  acks.length = 0;
  let unreachable = false;
  for (let r = 0; r < R; r++) {
    if (r === writer) continue;
    const appliedS = applyAtS[w * R + r] as number;
    if (appliedS === Number.POSITIVE_INFINITY) continue; // not a replica of this data
    if (context.replicaMembers[r] === 0) continue; // marked down: out of the replica set until it is back
    if (Number.isNaN(appliedS) || context.conditions.exchangeBlocked(writer, r)) {
      unreachable = true;
      continue;
    }
    acks.push(appliedS - commitS + linkRttS(context, r, writer, rng) / 2);
  }
  if (replication === 'sync') {
    if (unreachable) return Number.NaN;
    journey.acksNeeded = acks.length;
    return Math.max(0, ...acks);
  }
  // Semi-sync: the quorum-th fastest acknowledgement.
  const quorum = Math.min(context.data.quorum, R - 1);
  if (acks.length < quorum) return Number.NaN;
  acks.sort((a, b) => a - b);
  journey.acksNeeded = quorum;
  return acks[quorum - 1] as number;
}

/** Arrival at a region that is dark, or answers with an error: true if the journey failed here. */
function failsAtRegion(context: JourneyContext, journey: Journey, region: number, nowS: number, wayBackS: number, rng: Random): boolean {
  if (context.conditions.isDark(region)) {
    fail(journey, 'unreachable', journey.deadlineS, region); // no answer: the client waits out its timeout
    return true;
  }
  const gray = context.conditions.grayOf(region);
  if (gray && gray.errorRate > 0 && rng.uniform() < gray.errorRate) {
    fail(journey, 'error', nowS + gray.addedMs / 1000 + wayBackS, region);
    return true;
  }
  return false;
}

/**
 * Queue and serve at `region`; returns when the answer leaves it, or NaN after failing the journey. A gray
 * failure's added latency (a slow dependency) delays the answer without keeping a server busy.
 */
function queueAndServe(context: JourneyContext, journey: Journey, region: number, isWrite: boolean, nowS: number, wayBackS: number, rng: Random): number {
  const busyS = serviceS(context, region, isWrite, rng);
  const startS = context.queues.admit(region, nowS, busyS, journey.deadlineS - wayBackS, rng);
  if (startS === SHED) {
    fail(journey, 'shed', nowS + wayBackS, region);
    return Number.NaN;
  }
  if (startS === TIMED_OUT || !Number.isFinite(startS)) {
    fail(journey, 'timeout', journey.deadlineS, region);
    return Number.NaN;
  }
  return startS + busyS + (context.conditions.grayOf(region)?.addedMs ?? 0) / 1000;
}

/**
 * The write reaches its writer's servers: queue and serve, then commit at the time service ends (a stage of its
 * own, so that writes commit in time order). NaN after failing the journey.
 */
function serveWrite(context: JourneyContext, journey: Journey, writer: number, nowS: number, wayBackS: number, rng: Random): void {
  const doneS = queueAndServe(context, journey, writer, true, nowS, wayBackS, rng);
  if (Number.isNaN(doneS)) return;
  journey.writerArriveS = nowS;
  journey.backS = wayBackS;
  journey.stage = 'commit';
  journey.atS = doneS;
}

/**
 * Commits the write at its writer at `nowS` (its service has ended) and sets when the answer reaches the client:
 * after any replica acknowledgements and commit wait. A writer that went dark since the write reached it never
 * commits it.
 */
function commit(context: JourneyContext, journey: Journey, rng: Random): void {
  const nowS = journey.atS;
  const writer = journey.writer;
  if (context.conditions.wasDarkDuring(writer, journey.writerArriveS, nowS)) {
    fail(journey, 'unreachable', journey.deadlineS, writer); // no answer: the client waits out its timeout
    return;
  }
  const data = context.dataLayer;
  const w = data.commit(writer, nowS, journey.key, journey.user, journey.weight);
  journey.write = w;
  journey.writeOwner = data;
  const waitS = replicationWaitS(context, journey, writer, w, nowS, rng);
  if (Number.isNaN(waitS)) {
    fail(journey, 'timeout', journey.deadlineS, writer);
    return;
  }
  // Commit wait (Spanner's TrueTime): the answer waits out the clock uncertainty, whatever replication took.
  const answerS = nowS + Math.max(waitS, context.data.commitWaitMs / 1000);
  journey.writerLeaveS = answerS;
  succeed(journey, answerS + journey.backS);
}

/** Starts a new attempt (the first, or a client's retry at the next region). */
function sendAttempt(context: JourneyContext, journey: Journey, nowS: number, rng: Random): void {
  const u = journey.user;
  const entry = context.router.pick(u, nowS, rng);
  journey.attempts++;
  journey.attemptS = nowS;
  journey.deadlineS = nowS + context.timeoutS;
  journey.entry = entry;
  if (entry < 0) return fail(journey, 'no-route', nowS);
  const R = context.world.regions.length;
  journey.accessRttS = jitteredS((context.world.userRttMs[u * R + entry] as number) + context.router.accessExtraMs, rng);
  journey.writer = journey.isWrite ? writerRegion(context.world, context.data.topology, u, entry) : entry;
  journey.stage = 'at-entry';
  journey.atS = nowS + journey.accessRttS / 2;
}

/**
 * Runs the journey's current stage at `journey.atS` and sets the next stage and its time; once the stage is
 * 'done', `atS` is when the outcome reaches the client.
 */
export function advance(context: JourneyContext, journey: Journey, rng: Random): void {
  const nowS = journey.atS;
  switch (journey.stage) {
    case 'send':
      return sendAttempt(context, journey, nowS, rng);
    case 'at-entry': {
      const entry = journey.entry;
      const backS = journey.accessRttS / 2;
      journey.entryArriveS = nowS;
      if (failsAtRegion(context, journey, entry, nowS, backS, rng)) break;
      const data = context.dataLayer;
      if (data.sovereignty.active) data.sovereignty.onServe(journey.key, journey.user, entry, nowS, journey.weight);
      if (!journey.isWrite) {
        // Where the read is served depends on its consistency: the local replica, or the key's leader.
        const { forwardTo } = data.consistency.read(journey.user, journey.key, entry, nowS, journey.weight);
        journey.writer = forwardTo >= 0 ? forwardTo : entry;
      }
      if (journey.writer === entry) {
        if (journey.isWrite) {
          serveWrite(context, journey, entry, nowS, backS, rng);
          return;
        }
        const doneS = queueAndServe(context, journey, entry, false, nowS, backS, rng);
        if (!Number.isNaN(doneS)) succeed(journey, doneS + backS);
        break;
      }
      // A write this region does not own, or a read its replica may not answer: forwarded to the owner.
      if (context.conditions.exchangeBlocked(entry, journey.writer)) {
        fail(journey, 'unreachable', journey.deadlineS, journey.writer);
        break;
      }
      journey.forwardRttS = linkRttS(context, entry, journey.writer, rng);
      const forwardedS = queueAndServe(context, journey, entry, false, nowS, backS + journey.forwardRttS, rng);
      if (Number.isNaN(forwardedS)) break;
      journey.stage = 'at-writer';
      journey.atS = forwardedS + journey.forwardRttS / 2;
      return;
    }
    case 'at-writer': {
      const backS = journey.forwardRttS / 2 + journey.accessRttS / 2;
      if (journey.isWrite && context.data.duringFailover === 'queue' && context.conditions.isDark(journey.writer)) {
        // The writer is gone: the entry region holds the write and tries the (perhaps promoted) writer again.
        const nextS = nowS + QUEUE_RETRY_S;
        const writer = writerRegion(context.world, context.data.topology, journey.user, journey.entry);
        if (writer !== journey.writer && !context.conditions.isDark(writer)) {
          journey.writer = writer;
          journey.forwardRttS = writer === journey.entry ? 0 : linkRttS(context, journey.entry, writer, rng);
          journey.atS = nowS + journey.forwardRttS / 2;
          return;
        }
        if (nextS + backS < journey.deadlineS) {
          journey.atS = nextS;
          return;
        }
      }
      if (failsAtRegion(context, journey, journey.writer, nowS, backS, rng)) break;
      if (journey.isWrite) {
        serveWrite(context, journey, journey.writer, nowS, backS, rng);
        return;
      }
      const doneS = queueAndServe(context, journey, journey.writer, false, nowS, backS, rng);
      if (Number.isNaN(doneS)) break;
      journey.writerArriveS = nowS;
      journey.writerLeaveS = doneS;
      succeed(journey, doneS + backS);
      break;
    }
    case 'commit':
      commit(context, journey, rng);
      break;
    case 'done':
      return;
  }
}

/**
 * Called when a finished journey's outcome reaches its client (at `journey.atS`). A client SDK that saw a
 * failure stops using that region and retries at once at the next-best one: returns true when the journey
 * goes on (its stage is 'send' again, at the same time), false when its outcome is final.
 */
export function settle(context: JourneyContext, journey: Journey, rng: Random): boolean {
  if (journey.ok || !context.router.retriesElsewhere) return false;
  // The SDK stops using the region that failed (for a forwarded write, the writer, not the entry that answered).
  const failedAt = journey.failedAt >= 0 ? journey.failedAt : journey.entry;
  if (failedAt >= 0) context.router.requestFailed(journey.user, failedAt, journey.atS);
  if (journey.attempts > 1 || journey.failure === 'no-route') return false;
  const next = context.router.pick(journey.user, journey.atS, rng);
  if (next < 0 || next === journey.entry) return false;
  journey.stage = 'send';
  journey.failure = null;
  return true;
}
