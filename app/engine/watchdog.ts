/**
 * Notices a worker that stopped answering: while `shouldWatch()` holds, it pings every `intervalMs` and calls
 * `onStuck` once when a ping has gone unanswered for `timeoutMs`. A worker that is merely busy answers between
 * its slices of work (engine/worker.ts yields every 50 ms), so a 3 s silence means it hung or died.
 */
export interface WatchdogOptions {
  /** Sends a ping; resolves when the worker answers. */
  readonly ping: () => Promise<unknown>;
  readonly shouldWatch: () => boolean;
  readonly onStuck: () => void;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Milliseconds of wall time (injected for tests). */
  readonly now?: () => number;
}

export interface Watchdog {
  /** Forget any ping in flight: a new worker has taken over. */
  reset(): void;
  stop(): void;
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { ping, shouldWatch, onStuck, intervalMs = 1000, timeoutMs = 3000, now = () => performance.now() } = options;
  /** When the unanswered ping was sent, or undefined when none is in flight. */
  let sentAtMs: number | undefined;
  let generation = 0;

  const check = (): void => {
    if (!shouldWatch()) {
      // Paused, or the worker is busy on purpose: a ping in flight proves nothing; start afresh later.
      sentAtMs = undefined;
      generation++;
      return;
    }
    if (sentAtMs !== undefined) {
      if (now() - sentAtMs >= timeoutMs) {
        sentAtMs = undefined;
        generation++;
        onStuck();
      }
      return;
    }
    const sentIn = generation;
    sentAtMs = now();
    ping().then(
      () => {
        if (sentIn === generation) sentAtMs = undefined;
      },
      () => undefined, // a failed call is reported by the worker's error event; silence is what counts here
    );
  };

  const timer = setInterval(check, intervalMs);
  return {
    reset: () => {
      sentAtMs = undefined;
      generation++;
    },
    stop: () => clearInterval(timer),
  };
}
