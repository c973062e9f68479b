/**
 * One view's update per animation frame. At 10x, snapshots arrive ten times a second, and every view that draws
 * them (the map's arcs, the latency readout, the charts) used to update in the same frame: one frame of 35-40 ms
 * of script, style, layout, paint and layerization, then idle ones (bench:ui, 25 regions and 100 populations:
 * 5th-percentile 30 fps). Queued here, each view that has something new takes the next free frame, so the work
 * is spread over frames and each stays short. A view queued twice keeps its place and runs once (it reads the
 * latest state when it runs).
 */

export interface FrameSlots {
  /** Runs `job` in a coming frame, after the jobs queued before it; returns a function that takes it back. */
  request(job: () => void): () => void;
  /** Jobs waiting for a frame. */
  readonly pending: number;
}

/** Jobs run per frame: one view's update. */
export const JOBS_PER_FRAME = 1;

/** A queue of frame jobs over `requestFrame` (requestAnimationFrame in the page; a fake clock in tests). */
export function createFrameSlots(requestFrame: (callback: () => void) => void): FrameSlots {
  const queue = new Set<() => void>();
  let scheduled = false;
  const frame = () => {
    scheduled = false;
    let ran = 0;
    for (const job of queue) {
      if (ran === JOBS_PER_FRAME) break;
      queue.delete(job);
      ran++;
      job();
    }
    if (queue.size > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestFrame(frame);
  };
  return {
    request(job) {
      queue.add(job);
      schedule();
      return () => {
        queue.delete(job);
      };
    },
    get pending() {
      return queue.size;
    },
  };
}

/** The page's frame queue (outside a browser, a 16-ms timer stands in for the frame). */
export const frameSlots: FrameSlots = createFrameSlots(
  typeof requestAnimationFrame === 'function' ? (callback) => requestAnimationFrame(() => callback()) : (callback) => setTimeout(callback, 16),
);
