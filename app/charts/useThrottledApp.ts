import { useContext, useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { StoreContext } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

/** Charts redraw at most this often (snapshots arrive about 10 times a second). */
export const CHART_REFRESH_MS = 400;

/**
 * Like useApp with a shallow-compared selector, but re-renders at most once per `intervalMs` (the last change
 * always lands): charts of long runs redraw a few times a second instead of at every snapshot.
 */
export function useThrottledApp<T>(selector: (state: AppState) => T, intervalMs = CHART_REFRESH_MS): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useThrottledApp outside StoreContext');
  const [value, setValue] = useState(() => selector(store.getState()));
  const latest = useRef(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastMs = 0;
    const flush = () => {
      timer = undefined;
      lastMs = performance.now();
      const next = selector(store.getState());
      if (!shallow(next, latest.current)) {
        latest.current = next;
        setValue(next);
      }
    };
    flush();
    const unsubscribe = store.subscribe(() => {
      if (timer !== undefined) return;
      const waitMs = Math.max(0, intervalMs - (performance.now() - lastMs));
      timer = setTimeout(flush, waitMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, selector, intervalMs]);
  return value;
}
