import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { listenForRegionClicks } from './regionClicks.ts';
import { LoadBoundary } from './LoadBoundary.tsx';

const RegionFaultMenu = lazy(() => import('./RegionFaultMenu.tsx'));
const LazyFaultPanel = lazy(() => import('./FaultPanel.tsx'));

const selectOpen = (s: AppState) => s.faultMenuOpened;
const selectMenuRegion = (s: AppState) => s.faultMenuRegion;

/** Opens a region's fault menu on a click on the map; the menu's code loads on the first click. */
export function RegionFaultMenuLayer() {
  const open = useApp(selectOpen);
  const regionId = useApp(selectMenuRegion);
  useEffect(() => listenForRegionClicks(open), [open]);
  if (regionId === null) return null;
  return (
    <LoadBoundary what="The fault menu">
      <Suspense fallback={null}>
        <RegionFaultMenu />
      </Suspense>
    </LoadBoundary>
  );
}

/** The fault timeline panel, loaded after the first screen. */
export function FaultPanel() {
  return (
    <LoadBoundary what="The faults panel">
      <Suspense fallback={<p className="fault-panel__loading">Loading faults…</p>}>
        <LazyFaultPanel />
      </Suspense>
    </LoadBoundary>
  );
}
