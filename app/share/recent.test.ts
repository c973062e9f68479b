import { describe, expect, it } from 'vitest';
import { RECENT_CAP, RECENT_KEY, addRecent, readRecent, type RecentStorage } from './recent.ts';

function memory(initial?: string): RecentStorage & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[RECENT_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('recent scenarios', () => {
  it('keeps the newest first, moves a repeated one up, and caps the list', () => {
    const storage = memory();
    for (let i = 0; i < RECENT_CAP + 3; i++) addRecent(storage, { name: `s${i}`, hash: `h${i}`, savedAtMs: i });
    addRecent(storage, { name: 's5 again', hash: 'h5', savedAtMs: 99 });
    const list = readRecent(storage);
    expect(list).toHaveLength(RECENT_CAP);
    expect(list[0]).toEqual({ name: 's5 again', hash: 'h5', savedAtMs: 99 });
    expect(list.filter((e) => e.hash === 'h5')).toHaveLength(1);
    expect(list[1]?.name).toBe(`s${RECENT_CAP + 2}`);
  });

  it('reads damaged or hostile storage as an empty or filtered list, never throwing', () => {
    expect(readRecent(memory('not json'))).toEqual([]);
    expect(readRecent(memory('{"a":1}'))).toEqual([]);
    expect(readRecent(memory(JSON.stringify([{ name: 1, hash: 'x' }, { name: 'ok', hash: 'h', savedAtMs: 1 }])))).toEqual([{ name: 'ok', hash: 'h', savedAtMs: 1 }]);
    expect(readRecent(undefined)).toEqual([]);
    const full: RecentStorage = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(addRecent(full, { name: 'n', hash: 'h', savedAtMs: 1 })).toHaveLength(1);
  });
});
