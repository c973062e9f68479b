import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { KeyState } from './keyState.ts';
import { WritePool } from './writePool.ts';

// The per-key state against a brute force: every write kept in a plain list with its apply time per region, so
// "the oldest write region r is missing of key k at t" is a scan. Random commits and deliveries, on a pool grown
// through several doublings (256 -> 4096 slots), through the dense index and through the Map (keys beyond it).

const R = 4;

interface Model {
  readonly key: number;
  readonly region: number;
  readonly commitS: number;
  readonly applyAtS: number[];
  readonly w: number;
}

function scenario(keySpan: number, keyOffset: number, seed: number) {
  const rng = createRandom(seed, 'keystate');
  const pool = new WritePool(R, false);
  const keys = new KeyState(pool, keySpan);
  const writes: Model[] = [];
  let nowS = 0;
  const commit = (key: number): void => {
    const region = Math.floor(rng.uniform() * R);
    const w = pool.allocate();
    pool.key[w] = key;
    pool.region[w] = region;
    pool.commitS[w] = nowS;
    pool.stampS[w] = nowS;
    pool.weight[w] = 1;
    const applyAtS: number[] = [];
    for (let r = 0; r < R; r++) {
      // Each region applies it after its own random delay (out of commit order across writers).
      const at = r === region ? nowS : nowS + 0.05 + rng.uniform() * 2;
      pool.applyAtS[w * R + r] = at;
      applyAtS.push(at);
    }
    keys.onCommit(keys.slotFor(key), w, 0);
    writes.push({ key, region, commitS: nowS, applyAtS, w });
  };
  return { pool, keys, writes, commit, rng, advance: (s: number) => (nowS += s), now: () => nowS, keyOffset };
}

/** The brute force: the oldest write of `key` not applied at r by `atS` (its commit order is the model's order). */
function oldestMissingByScan(writes: readonly Model[], key: number, r: number, atS: number): Model | undefined {
  return writes.find((m) => m.key === key && !(m.applyAtS[r]! <= atS));
}

describe('KeyState', () => {
  for (const [label, keySpan, keyOffset] of [
    ['dense index', 1000, 0],
    ['Map (keys beyond the dense index)', 5_000_000, 4_500_000],
  ] as const) {
    it(`answers oldest-missing and latest-writer like a brute-force scan, ${label}, through pool growth`, () => {
      const s = scenario(keySpan, keyOffset, keySpan);
      const keyOf = (i: number) => keyOffset + i;
      let checks = 0;
      for (let step = 0; step < 3000; step++) {
        s.advance(0.002);
        s.commit(keyOf(Math.floor(s.rng.uniform() * 40)));
        if (step % 10 === 0) s.keys.watermarkS = s.now() - 3; // deliveries older than this are final
        if (step % 7 !== 0) continue;
        for (let i = 0; i < 40; i++) {
          const key = keyOf(i);
          const slot = s.keys.find(key);
          const expected = (r: number) => oldestMissingByScan(s.writes, key, r, s.now());
          if (slot < 0) {
            expect(s.writes.some((m) => m.key === key)).toBe(false);
            continue;
          }
          for (let r = 0; r < R; r++) {
            const w = s.keys.oldestMissing(slot, r, s.now());
            const model = expected(r);
            expect(w < 0 ? undefined : s.pool.commitS[w], `key ${key} region ${r}`).toBe(model?.commitS);
            checks++;
          }
          const latest = [...s.writes].reverse().find((m) => m.key === key);
          expect(s.keys.latestRegion(slot)).toBe(latest?.region);
          expect(s.keys.latestCommitS(slot)).toBe(latest?.commitS);
        }
      }
      expect(checks).toBeGreaterThan(10_000);
      // The pool grew through four doublings (every write keeps a reference while some region misses it).
      expect(s.writes.length).toBe(3000);
    });
  }
});

describe('WritePool', () => {
  it('keeps every field of every live slot when it grows, and reuses freed slots', () => {
    const pool = new WritePool(3, true);
    const slots: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const w = pool.allocate();
      pool.key[w] = i * 7;
      pool.region[w] = i % 3;
      pool.commitS[w] = i / 10;
      pool.stampS[w] = i / 10 + 0.5;
      pool.weight[w] = i + 1;
      pool.version[w] = 10_000 + i;
      pool.seq[w] = i;
      pool.keySlot[w] = i % 17;
      for (let r = 0; r < 3; r++) {
        pool.applyAtS[w * 3 + r] = i + r;
        pool.held[w * 3 + r] = (i + r) % 2;
        (pool.context as Float64Array)[w * 3 + r] = i * 3 + r;
      }
      slots.push(w);
    }
    expect(new Set(slots).size).toBe(2000);
    expect(pool.live).toBe(2000);
    slots.forEach((w, i) => {
      expect([pool.key[w], pool.region[w], pool.commitS[w], pool.stampS[w], pool.weight[w], pool.version[w], pool.seq[w], pool.keySlot[w]]).toEqual([
        i * 7,
        i % 3,
        i / 10,
        i / 10 + 0.5,
        i + 1,
        10_000 + i,
        i,
        i % 17,
      ]);
      for (let r = 0; r < 3; r++) {
        expect(pool.applyAtS[w * 3 + r]).toBe(i + r);
        expect(pool.held[w * 3 + r]).toBe((i + r) % 2);
        expect((pool.context as Float64Array)[w * 3 + r]).toBe(i * 3 + r);
      }
      expect(pool.isLive(w, pool.gen[w] as number)).toBe(true);
    });
    // A freed slot comes back with a new generation: a session holding the old one sees it is gone.
    const freed = slots[5] as number;
    const gen = pool.gen[freed] as number;
    pool.retain(freed);
    pool.release(freed);
    expect(pool.isLive(freed, gen)).toBe(true); // one reference left
    pool.release(freed);
    expect(pool.isLive(freed, gen)).toBe(false);
    expect(pool.live).toBe(1999);
    const again = pool.allocate();
    expect(again).toBe(freed);
    expect(pool.gen[again]).toBe(gen + 1);
    expect(pool.held[again * 3]).toBe(0); // fields it must not inherit are reset
    expect(pool.pendingNext[again * 3]).toBe(-1);
    expect(pool.ackS[again]).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(pool.orphanedS[again] as number)).toBe(true);
  });
});
