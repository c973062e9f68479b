import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue.ts';

function drain<T>(queue: EventQueue<T>): T[] {
  const out: T[] = [];
  for (let event = queue.pop(); event !== undefined; event = queue.pop()) out.push(event);
  return out;
}

describe('EventQueue', () => {
  it('is empty at first: size 0, no event, earliest time Infinity', () => {
    const queue = new EventQueue<string>();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTimeS()).toBe(Number.POSITIVE_INFINITY);
  });

  it('pops events in time order whatever the order they were pushed in', () => {
    const queue = new EventQueue<string>();
    const times = [5, 0.5, 3, 9, 1, 7, 2, 8, 0, 4, 6];
    for (const t of times) queue.push(t, `t${t}`);
    expect(queue.size).toBe(times.length);
    expect(queue.peekTimeS()).toBe(0);
    expect(drain(queue)).toEqual([...times].sort((a, b) => a - b).map((t) => `t${t}`));
    expect(queue.size).toBe(0);
  });

  it('pops events at the same time in the order they were pushed (FIFO)', () => {
    const queue = new EventQueue<string>();
    queue.push(2, 'late');
    for (let i = 0; i < 20; i++) queue.push(1, `tie${i}`);
    queue.push(0, 'early');
    expect(drain(queue)).toEqual(['early', ...Array.from({ length: 20 }, (_, i) => `tie${i}`), 'late']);
  });

  it('keeps FIFO order for ties pushed between pops', () => {
    const queue = new EventQueue<string>();
    queue.push(1, 'a');
    queue.push(1, 'b');
    expect(queue.pop()).toBe('a');
    queue.push(1, 'c');
    queue.push(0.5, 'first');
    expect(drain(queue)).toEqual(['first', 'b', 'c']);
  });

  it('reports the time of the event it popped last', () => {
    const queue = new EventQueue<string>();
    queue.push(3, 'x');
    queue.push(1.5, 'y');
    expect(queue.pop()).toBe('y');
    expect(queue.lastTimeS).toBe(1.5);
    expect(queue.pop()).toBe('x');
    expect(queue.lastTimeS).toBe(3);
  });

  it('grows past its initial size and reuses the slots of popped events', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push(5000 - i, i);
    for (let i = 0; i < 2500; i++) expect(queue.pop()).toBe(4999 - i);
    for (let i = 0; i < 2500; i++) queue.push(0.5, -i);
    expect(queue.size).toBe(5000);
    expect(queue.pop()).toBe(-0);
    expect(queue.lastTimeS).toBe(0.5);
  });

  it('behaves like a stably sorted array under random pushes and pops (property)', () => {
    type Op = { readonly kind: 'push'; readonly atS: number } | { readonly kind: 'pop' };
    // Few distinct times, so ties are common and FIFO order is exercised.
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), atS: fc.integer({ min: 0, max: 12 }).map((n) => n / 4) }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue<number>();
        const model: { atS: number; id: number }[] = []; // kept sorted by time, then insertion
        let nextId = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const id = nextId++;
            queue.push(o.atS, id);
            let at = model.length;
            while (at > 0 && (model[at - 1] as { atS: number }).atS > o.atS) at--;
            model.splice(at, 0, { atS: o.atS, id });
          } else {
            const expected = model.shift();
            const actual = queue.pop();
            expect(actual === undefined ? undefined : { atS: queue.lastTimeS, id: actual }).toEqual(expected);
          }
          expect(queue.size).toBe(model.length);
          expect(queue.peekTimeS()).toBe(model[0]?.atS ?? Number.POSITIVE_INFINITY);
        }
        expect(drain(queue)).toEqual(model.map((m) => m.id));
      }),
      { seed: 20_250_529, numRuns: 300 },
    );
  });
});
