import { describe, expect, it } from 'vitest';
import { createFrameSlots } from './frameSlots.ts';

/** A frame clock the test advances by hand. */
function fakeFrames() {
  let waiting: (() => void)[] = [];
  return {
    requestFrame: (callback: () => void) => void waiting.push(callback),
    next() {
      const now = waiting;
      waiting = [];
      for (const callback of now) callback();
    },
    get requested() {
      return waiting.length;
    },
  };
}

describe('frameSlots', () => {
  it('runs one job per frame, in the order asked', () => {
    const frames = fakeFrames();
    const slots = createFrameSlots(frames.requestFrame);
    const ran: string[] = [];
    slots.request(() => ran.push('map'));
    slots.request(() => ran.push('readout'));
    slots.request(() => ran.push('chart'));
    expect(ran).toEqual([]);
    expect(frames.requested).toBe(1);
    frames.next();
    expect(ran).toEqual(['map']);
    frames.next();
    frames.next();
    expect(ran).toEqual(['map', 'readout', 'chart']);
    expect(slots.pending).toBe(0);
    expect(frames.requested).toBe(0);
  });

  it('runs a job asked for twice once, in its first place', () => {
    const frames = fakeFrames();
    const slots = createFrameSlots(frames.requestFrame);
    const ran: string[] = [];
    const map = () => ran.push('map');
    slots.request(map);
    slots.request(() => ran.push('readout'));
    slots.request(map);
    expect(slots.pending).toBe(2);
    frames.next();
    frames.next();
    frames.next();
    expect(ran).toEqual(['map', 'readout']);
  });

  it('takes a job back before its frame', () => {
    const frames = fakeFrames();
    const slots = createFrameSlots(frames.requestFrame);
    const ran: string[] = [];
    const cancel = slots.request(() => ran.push('gone'));
    slots.request(() => ran.push('kept'));
    cancel();
    frames.next();
    frames.next();
    expect(ran).toEqual(['kept']);
  });

  it('a job may ask for another frame from inside its own', () => {
    const frames = fakeFrames();
    const slots = createFrameSlots(frames.requestFrame);
    const ran: number[] = [];
    const again = () => {
      ran.push(ran.length);
      if (ran.length < 3) slots.request(again);
    };
    slots.request(again);
    frames.next();
    frames.next();
    frames.next();
    frames.next();
    expect(ran).toEqual([0, 1, 2]);
  });
});
