import { lazy, Suspense } from 'react';

const WatchPanel = lazy(() => import('./WatchPanel.tsx'));

/** The Watch panel, fetched after the first screen (its charts are not needed to start). */
export function LazyWatchPanel() {
  return (
    <Suspense fallback={<p className="app__hint">Loading charts...</p>}>
      <WatchPanel />
    </Suspense>
  );
}
