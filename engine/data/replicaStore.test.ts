import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TRACKED_CELLS, ReplicaStore, type MergeKind } from './replicaStore.ts';
import { WritePool } from './writePool.ts';

interface Written {
  readonly key: number;
  readonly region: number;
  readonly stampS: number;
  readonly version: number;
  readonly weight: number;
  readonly slot: number;
}

/** A write in a pool of its own: the store reads writes from pool slots. */
function commitTo(pool: WritePool, write: Omit<Written, 'slot'>): number {
  const w = pool.allocate();
  pool.key[w] = write.key;
  pool.region[w] = write.region;
  pool.stampS[w] = write.stampS;
  pool.version[w] = write.version;
  pool.weight[w] = write.weight;
  pool.applyAtS.fill(0, w * pool.regionCount, (w + 1) * pool.regionCount);
  return w;
}

const R = 3;
const KEYS = 3;
const ids = ['us-east', 'eu-west', 'ap-northeast'];
const KINDS: MergeKind[] = ['lww', 'counter', 'set', 'mv-register', 'max', 'region-priority'];

/**
 * A tiny replicated system driven by a list of choices: each step either makes a region write a key (applied at
 * once there, queued FIFO to every other region) or delivers the head of one link's queue. At the end every
 * queue is delivered. The choices fix the delivery order, so random choices give random delivery orders.
 */
function runSystem(kind: MergeKind, steps: readonly { write: boolean; region: number; to: number; key: number; stampS: number }[]) {
  const store = new ReplicaStore(R, kind);
  const pool = new WritePool(R, kind === 'mv-register');
  const queues: number[][] = Array.from({ length: R * R }, () => []);
  const writes: Written[] = [];
  let version = 1;
  for (const step of steps) {
    if (step.write) {
      const fields = { key: step.key, region: step.region, stampS: step.stampS, version: version++, weight: 1 + (version % 3) };
      const w = commitTo(pool, fields);
      store.onCommit(pool, w);
      store.apply(step.region, pool, w);
      writes.push({ ...fields, slot: w });
      for (let to = 0; to < R; to++) if (to !== step.region) queues[step.region * R + to]!.push(w);
    } else {
      const head = queues[step.region * R + step.to]?.shift();
      if (head !== undefined && step.to !== step.region) store.apply(step.to, pool, head);
    }
  }
  for (let i = 0; i < queues.length; i++) for (const w of queues[i]!) store.apply(i % R, pool, w);
  return { store, writes };
}

const stepArbitrary = fc.record({
  write: fc.boolean(),
  region: fc.integer({ min: 0, max: R - 1 }),
  to: fc.integer({ min: 0, max: R - 1 }),
  key: fc.integer({ min: 0, max: KEYS - 1 }),
  // Few distinct stamps, so equal timestamps (ties broken by region) happen.
  stampS: fc.integer({ min: 0, max: 20 }).map((t) => t / 10),
});

describe('replica values', () => {
  it('converge on every replica whatever the delivery order, for every merge rule (seeded property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), (kind, steps) => {
        const { store } = runSystem(kind, steps);
        for (const key of store.keyList()) {
          const digests = ids.map((_, r) => store.valueOf(r, key, ids)?.digest);
          expect(new Set(digests).size).toBe(1);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('under LWW, every replica ends with the greatest (timestamp, region) write of each key (seeded property)', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), (steps) => {
        const { store, writes } = runSystem('lww', steps);
        for (const key of store.keyList()) {
          const winner = writes
            .filter((w) => w.key === key)
            .reduce((best, w) => (w.stampS > best.stampS || (w.stampS === best.stampS && (w.region > best.region || (w.region === best.region && w.version > best.version))) ? w : best));
          for (let r = 0; r < R; r++) expect(store.valueOf(r, key, ids)?.digest).toBe(`v${winner.version}`);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('loses nothing under a CRDT counter or set: the sum and the count of every write', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), (steps) => {
        const counter = runSystem('counter', steps);
        const set = runSystem('set', steps);
        for (const key of counter.store.keyList()) {
          const mine = counter.writes.filter((w) => w.key === key);
          const sum = mine.reduce((total, w) => total + w.weight, 0);
          for (let r = 0; r < R; r++) {
            expect(counter.store.valueOf(r, key, ids)?.text).toBe(`counter ${sum}`);
            expect(set.store.valueOf(r, key, ids)?.text).toBe(`set of ${mine.length} adds`);
          }
        }
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('keeps both concurrent writes as siblings in a multi-value register, and one value once a write has seen both', () => {
    const write = (region: number) => ({ write: true, region, to: 0, key: 0, stampS: 0 });
    const deliver = (from: number, to: number) => ({ write: false, region: from, to, key: 0, stampS: 0 });
    // us-east and eu-west write without seeing each other: two siblings everywhere once delivered.
    const concurrent = runSystem('mv-register', [write(0), write(1)]);
    expect(concurrent.store.valueOf(2, 0, ids)?.text).toBe('2 siblings: us-east#1, eu-west#1');
    // ap-northeast sees both, then writes: its write supersedes them.
    const resolved = runSystem('mv-register', [write(0), write(1), deliver(0, 2), deliver(1, 2), write(2)]);
    for (let r = 0; r < R; r++) expect(resolved.store.valueOf(r, 0, ids)?.text).toBe('one value: ap-northeast#1');
  });

  it('lets the first-listed region win under region priority, whatever the timestamps', () => {
    const { store } = runSystem('region-priority', [
      { write: true, region: 2, to: 0, key: 0, stampS: 0.5 },
      { write: true, region: 1, to: 0, key: 0, stampS: 0.1 },
    ]);
    expect(store.valueOf(0, 0, ids)?.text).toBe('write 1 of eu-west (first-listed region wins)');
  });

  it('stops tracking new keys once its memory budget is spent', () => {
    const store = new ReplicaStore(25, 'mv-register');
    const pool = new WritePool(25, true);
    for (let key = 0; key < 1000; key++) store.onCommit(pool, commitTo(pool, { key, region: 0, stampS: 0, version: key + 1, weight: 1 }));
    // A key costs R x (4 + 2R) + R^3 numbers: 25 x 54 + 15,625 = 16,975; the budget holds 29 of them.
    expect(store.trackedKeys).toBe(Math.floor(MAX_TRACKED_CELLS / (25 * 54 + 25 ** 3)));
  });
});
