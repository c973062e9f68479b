import { lazy, Suspense } from 'react';

const FlowOverlay = lazy(() => import('./FlowOverlay.tsx'));

/** The flow overlay, fetched right after the first screen (the map and nodes draw without it). */
export function LazyFlowOverlay() {
  return (
    <Suspense fallback={null}>
      <FlowOverlay />
    </Suspense>
  );
}
