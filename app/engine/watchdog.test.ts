import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchdog } from './watchdog.ts';

describe('the worker watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const clock = () => Date.now();

  it('stays quiet while the worker answers its pings', async () => {
    const onStuck = vi.fn();
    const dog = startWatchdog({ ping: () => Promise.resolve(0), shouldWatch: () => true, onStuck, now: clock });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(onStuck).not.toHaveBeenCalled();
    dog.stop();
  });

  it('calls the worker stuck once after 3 s without an answer, and watches the next worker afresh', async () => {
    const onStuck = vi.fn();
    let answering = false;
    const ping = vi.fn(() => (answering ? Promise.resolve(0) : new Promise(() => undefined)));
    const dog = startWatchdog({ ping, shouldWatch: () => true, onStuck, now: clock });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(onStuck).not.toHaveBeenCalled(); // first ping at 1 s, unanswered for 2.999 s
    await vi.advanceTimersByTimeAsync(1);
    expect(onStuck).toHaveBeenCalledTimes(1);
    answering = true; // the replacement answers
    await vi.advanceTimersByTimeAsync(20_000);
    expect(onStuck).toHaveBeenCalledTimes(1);
    dog.stop();
  });

  it('does not ping while the run is paused', async () => {
    const ping = vi.fn(() => new Promise(() => undefined));
    const onStuck = vi.fn();
    const dog = startWatchdog({ ping, shouldWatch: () => false, onStuck, now: clock });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).not.toHaveBeenCalled();
    expect(onStuck).not.toHaveBeenCalled();
    dog.stop();
  });

  it('forgets an unanswered ping when watching stops (paused, or a long call on purpose)', async () => {
    const onStuck = vi.fn();
    let watching = true;
    const dog = startWatchdog({ ping: () => new Promise(() => undefined), shouldWatch: () => watching, onStuck, now: clock });
    await vi.advanceTimersByTimeAsync(2_500); // a ping in flight for 1.5 s
    watching = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onStuck).not.toHaveBeenCalled();
    watching = true; // at 12.5 s: a fresh ping at 13 s, so silence is called at 16 s, not earlier
    await vi.advanceTimersByTimeAsync(3_400);
    expect(onStuck).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(onStuck).toHaveBeenCalledTimes(1);
    dog.stop();
  });

  it('ignores a late answer from a worker it already gave up on', async () => {
    const onStuck = vi.fn();
    let answerLate: (() => void) | undefined;
    let calls = 0;
    const ping = () => {
      calls++;
      return calls === 1 ? new Promise<void>((resolve) => (answerLate = resolve)) : new Promise(() => undefined);
    };
    const dog = startWatchdog({ ping, shouldWatch: () => true, onStuck, now: clock });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(onStuck).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000); // the second ping (to the new worker) is in flight
    answerLate?.(); // the old worker's answer must not clear it
    await vi.advanceTimersByTimeAsync(3_000);
    expect(onStuck).toHaveBeenCalledTimes(2);
    dog.stop();
  });
});
