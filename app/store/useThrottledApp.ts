import { useContext, useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { StoreContext } from './context.ts';
import { frameSlots } from './frameSlots.ts';
import type { AppState } from './index.ts';

/** Charts redraw at most this often (snapshots arrive about 10 times a second). */
export const CHART_REFRESH_MS = 400;

/**
 * Like useApp with a shallow-compared selector, for the views that draw the stream: the view re-renders at most
 * once per `intervalMs` (the last change always lands), and then in a frame of its own (frameSlots), not in the
 * frame every other view updates in. Charts of long runs redraw a few times a second; with `intervalMs` 0 a view
 * follows every snapshot, a frame or so late.
 */
export function useThrottledApp<T>(selector: (state: AppState) => T, intervalMs = CHART_REFRESH_MS): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useThrottledApp outside StoreContext');
  const [value, setValue] = useState(() => selector(store.getState()));
  const latest = useRef(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelSlot: (() => void) | undefined;
    let lastMs = 0;
    const flush = () => {
      cancelSlot = undefined;
      lastMs = performance.now();
      const next = selector(store.getState());
      if (!shallow(next, latest.current)) {
        latest.current = next;
        setValue(next);
      }
    };
    const queue = () => {
      timer = undefined;
      cancelSlot = frameSlots.request(flush);
    };
    flush();
    const unsubscribe = store.subscribe(() => {
      if (timer !== undefined || cancelSlot !== undefined) return;
      const waitMs = Math.max(0, intervalMs - (performance.now() - lastMs));
      if (waitMs === 0) queue();
      else timer = setTimeout(queue, waitMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      cancelSlot?.();
    };
  }, [store, selector, intervalMs]);
  return value;
}
