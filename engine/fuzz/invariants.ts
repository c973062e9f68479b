/**
 * The invariants a run must keep, each checked against a second derivation from the run's trace and the
 * scenario's fault list (never against the engine's own bookkeeping): which region was dark when comes from the
 * faults; which write was held where from the deliveries; losses, concurrent pairs, LWW discards and staleness
 * are recounted by brute force.
 */
import type { Report } from '../report.ts';
import type { SimulationObserver } from '../observer.ts';
import type { Scenario } from '../scenario/schema.ts';

interface TracedWrite {
  readonly id: number;
  readonly key: number;
  readonly region: number;
  readonly commitS: number;
  readonly stampS: number;
  /** Apply time per region (Infinity: never), the writer's own commit included. */
  readonly applyS: Float64Array;
  ackS: number;
  /** When it was gone for good (no region up held it while a replica still lacked it), Infinity if never. */
  goneS: number;
}

type Answer = Parameters<NonNullable<SimulationObserver['answered']>>[0];
type Read = Parameters<NonNullable<SimulationObserver['read']>>[0];

/** Collects a run's trace. */
export class Trace {
  readonly writes = new Map<number, TracedWrite>();
  readonly answers: Answer[] = [];
  readonly reads: Read[] = [];
  constructor(private readonly regionCount: number) {}

  readonly observer: SimulationObserver = {
    committed: (w) => {
      const applyS = new Float64Array(this.regionCount).fill(Number.POSITIVE_INFINITY);
      applyS[w.region] = w.commitS;
      this.writes.set(w.id, { ...w, applyS, ackS: Number.POSITIVE_INFINITY, goneS: Number.POSITIVE_INFINITY });
    },
    applied: (id, region, atS) => {
      const write = this.writes.get(id);
      if (write) write.applyS[region] = Math.min(write.applyS[region] as number, atS);
    },
    answered: (answer) => {
      this.answers.push(answer);
      if (answer.ok && answer.writeId >= 0) {
        const write = this.writes.get(answer.writeId);
        if (write) write.ackS = answer.atS;
      }
    },
    read: (read) => this.reads.push(read),
  };
}

/** Dark spans per region index, from the scenario's faults: [downS, upS). */
function darkSpans(scenario: Scenario): [number, number][][] {
  const index = new Map(scenario.regions.map((r, i) => [r.id, i]));
  const spans: [number, number][][] = scenario.regions.map(() => []);
  const downSince = new Map<number, number>();
  for (const fault of [...scenario.faults].sort((a, b) => a.atS - b.atS)) {
    if (fault.kind !== 'region-down' && fault.kind !== 'region-up') continue;
    const r = index.get(fault.region);
    if (r === undefined) continue;
    if (fault.kind === 'region-down' && !downSince.has(r)) downSince.set(r, fault.atS);
    if (fault.kind === 'region-up' && downSince.has(r)) {
      spans[r]?.push([downSince.get(r) as number, fault.atS]);
      downSince.delete(r);
    }
  }
  for (const [r, since] of downSince) spans[r]?.push([since, Number.POSITIVE_INFINITY]);
  return spans;
}

const darkAt = (spans: [number, number][], atS: number): boolean => spans.some(([d, u]) => d <= atS && atS < u);
const darkWithin = (spans: [number, number][], fromS: number, toS: number): boolean => spans.some(([d, u]) => d <= toS && u > fromS && d >= fromS - 1e-12);

export interface Violation {
  readonly invariant: string;
  readonly detail: string;
}

/** Checks one run; `scenario` is the scenario as it stood at the end (faults included). */
export function checkRun(scenario: Scenario, report: Report, trace: Trace, options: { readsMode: string | null; hadEdit: boolean }): Violation[] {
  const violations: Violation[] = [];
  const fail = (invariant: string, detail: string): void => {
    if (violations.filter((v) => v.invariant === invariant).length < 3) violations.push({ invariant, detail });
  };
  const R = scenario.regions.length;
  const spans = darkSpans(scenario);

  // Requests are conserved, and every answer counted as OK reached its client.
  const { total, ok, failed, inFlight } = report.requests;
  if (total !== ok + failed + inFlight || inFlight < 0 || failed < 0) fail('requests conserved', JSON.stringify(report.requests));
  const okAnswers = trace.answers.filter((a) => a.ok).length;
  if (okAnswers !== ok) fail('requests conserved', `${okAnswers} OK answers traced, ${ok} reported`);

  // No dark region answers: an OK answer's entry (and writer) was up from its arrival until its answer left.
  for (const a of trace.answers) {
    if (!a.ok || a.entry < 0) continue;
    if (darkWithin(spans[a.entry] ?? [], a.entryArriveS, a.entryLeaveS) || darkAt(spans[a.entry] ?? [], a.entryArriveS)) {
      fail('no dark region answers', `entry r${a.entry} was dark during [${a.entryArriveS}, ${a.entryLeaveS}]`);
    }
    if (a.writer >= 0 && a.writer !== a.entry && (darkWithin(spans[a.writer] ?? [], a.writerArriveS, a.writerLeaveS) || darkAt(spans[a.writer] ?? [], a.writerArriveS))) {
      fail('no dark region answers', `writer r${a.writer} was dark during [${a.writerArriveS}, ${a.writerLeaveS}]`);
    }
  }

  // Losses, recounted: at each moment a region goes dark, a write no region still up holds, while some replica
  // still lacks it, is gone; an acknowledged one is lost.
  const downTimes = spans.flatMap((s) => s.map(([d]) => d)).sort((a, b) => a - b);
  const writes = [...trace.writes.values()];
  let lost = 0;
  for (const w of writes) {
    for (const t of downTimes) {
      if (t < w.commitS || w.goneS <= t) continue;
      let held = false;
      let lacking = false;
      for (let r = 0; r < R; r++) {
        const has = (w.applyS[r] as number) <= t;
        if (has && !darkAt(spans[r] ?? [], t)) held = true;
        if (!has) lacking = true;
      }
      if (!held && lacking) {
        w.goneS = t;
        break;
      }
    }
    if (Number.isFinite(w.goneS) && Number.isFinite(w.ackS)) lost++;
  }
  if (lost !== report.dataLoss.ackedWritesLost) fail('acknowledged writes lost: recount', `recounted ${lost}, reported ${report.dataLoss.ackedWritesLost}`);

  // Sync waits for every replica that was up and in the replica set; semi-sync(k) for k of them.
  const settleS = (scenario.routing.healthCheck.intervalS * (scenario.routing.healthCheck.failureThreshold + 1) + scenario.routing.healthCheck.timeoutS + scenario.routing.propagationS) * 2 + 5;
  if (R > 1 && !options.hadEdit) {
    const quorum = Math.min(scenario.data.quorum, R - 1);
    for (const w of writes) {
      if (!Number.isFinite(w.ackS)) continue;
      let appliedBeforeAck = 0;
      for (let r = 0; r < R; r++) {
        if (r === w.region) continue;
        const applied = (w.applyS[r] as number) <= w.ackS + 1e-9;
        if (applied) appliedBeforeAck++;
        const stable = !(spans[r] ?? []).some(([d, u]) => d <= w.ackS && u + settleS > w.commitS);
        if (scenario.data.replication === 'sync' && stable && !applied) fail('sync acknowledges only what every live replica applied', `write ${w.id} acked at ${w.ackS} before r${r} applied it (${w.applyS[r]})`);
      }
      if (scenario.data.replication === 'semi-sync' && appliedBeforeAck < quorum) fail('semi-sync acknowledges only what k replicas applied', `write ${w.id}: ${appliedBeforeAck} of ${quorum}`);
    }
  }

  // Concurrent pairs, LWW discards and the later writes among them, by brute force over each key's writes.
  const byKey = new Map<number, TracedWrite[]>();
  for (const w of writes) {
    const list = byKey.get(w.key);
    if (list) list.push(w);
    else byKey.set(w.key, [w]);
  }
  const seen = (earlier: TracedWrite, later: TracedWrite): boolean => earlier.region === later.region || (earlier.applyS[later.region] as number) <= later.commitS || earlier.goneS <= later.commitS;
  const greater = (a: TracedWrite, b: TracedWrite): boolean => a.stampS > b.stampS || (a.stampS === b.stampS && a.region > b.region);
  const sync = scenario.data.replication === 'sync';
  let pairs = 0;
  let discarded = 0;
  let discardedLater = 0;
  for (const list of byKey.values()) {
    list.sort((a, b) => a.commitS - b.commitS || a.id - b.id);
    let top: TracedWrite | null = null; // the greatest (timestamp, region) among the writes before b
    for (let j = 0; j < list.length; j++) {
      const b = list[j] as TracedWrite;
      let isDiscarded = false;
      let isLater = false;
      for (let i = 0; i < list.length; i++) {
        if (i === j) continue;
        const a = list[i] as TracedWrite;
        if (i < j && a.region !== b.region && !seen(a, b)) pairs++;
        if (sync || !greater(a, b)) continue;
        // a keeps b out unless a had seen b.
        if (i < j) {
          isDiscarded = true;
          isLater = true;
        } else if (!seen(b, a)) isDiscarded = true;
      }
      // Synchronous replication orders concurrent commits: b is lost only to the key's greatest timestamp so
      // far, and only if b had seen that write (its clock ran behind).
      if (sync && top && greater(top, b) && (top.region === b.region || seen(top, b))) {
        isDiscarded = true;
        isLater = true;
      }
      if (!top || greater(b, top)) top = b;
      if (isDiscarded) discarded++;
      if (isLater) discardedLater++;
    }
  }
  const c = report.conflicts;
  if (pairs !== c.concurrentPairs) fail('concurrent pairs: recount', `recounted ${pairs}, reported ${c.concurrentPairs}`);
  if (scenario.data.conflict === 'lww') {
    if (discarded !== c.lwwDiscardedWrites) fail('LWW discards: recount', `recounted ${discarded}, reported ${c.lwwDiscardedWrites}`);
    if (discardedLater !== c.lwwDiscardedLaterWrites) fail('LWW discards of the later write: recount', `recounted ${discardedLater}, reported ${c.lwwDiscardedLaterWrites}`);
  } else if (c.mergedPairs !== c.concurrentPairs) fail('merges keep every concurrent pair', `${c.mergedPairs} merged of ${c.concurrentPairs}`);
  // (A home's data that fails over and back before the replicas caught up does conflict: its writes race the backlog.)
  if (scenario.data.topology === 'home-region' && !options.hadEdit && downTimes.length === 0 && c.concurrentPairs !== 0) fail('home-region has no conflicts', `${c.concurrentPairs} concurrent pairs`);

  // Staleness, recomputed: the age of the oldest write of the key the serving replica lacked (gone ones aside).
  const bound = scenario.data.boundedStalenessMs;
  for (const read of trace.reads) {
    if (read.forwarded || read.atLeader) continue;
    let oldestS = Number.POSITIVE_INFINITY;
    for (const w of byKey.get(read.key) ?? []) {
      if (w.commitS > read.atS || w.region === read.entry) continue;
      if (w.commitS >= oldestS) break; // sorted by commit
      if (!((w.applyS[read.entry] as number) <= read.atS) && !(w.goneS <= read.atS)) oldestS = w.commitS;
    }
    const expectedMs = Number.isFinite(oldestS) ? (read.atS - oldestS) * 1000 : 0;
    if (read.mode !== 'strong' && Math.abs(expectedMs - read.stalenessMs) > 1e-6) fail('staleness: recount', `read of key ${read.key} at r${read.entry} at ${read.atS}: recounted ${expectedMs} ms, reported ${read.stalenessMs} ms`);
    if (read.mode === 'bounded' && expectedMs > bound + 1e-6) fail('bounded reads within their bound', `${expectedMs} ms > ${bound} ms`);
    if (read.mode === 'strong' && read.stalenessMs !== 0) fail('strong reads never stale', `${read.stalenessMs} ms`);
  }
  if (options.readsMode === 'session' && (report.reads.violations.readYourWrites > 0 || report.reads.violations.monotonicReads > 0)) {
    fail('session reads keep their guarantees', JSON.stringify(report.reads.violations));
  }

  // Replicas converge once every fault has healed, unless a write was lost (its writer keeps it on return).
  const anyGone = writes.some((w) => Number.isFinite(w.goneS));
  if (!anyGone && report.convergence.divergentAfterDelivery > 0) fail('replicas converge after heal', `${report.convergence.divergentAfterDelivery} keys still differ`);
  return violations;
}
