import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { listenForRegionClicks, regionNodeElement } from './regionClicks.ts';
import { LoadBoundary } from './LoadBoundary.tsx';

const RegionFaultMenu = lazy(() => import('./RegionFaultMenu.tsx'));
const LazyFaultPanel = lazy(() => import('./FaultPanel.tsx'));

const selectOpen = (s: AppState) => s.faultMenuOpened;
const selectMenuRegion = (s: AppState) => s.faultMenuRegion;
const selectFocusOnOpen = (s: AppState) => s.faultMenuFocused;
/** Whether the menu's region is still in the scenario (a delete, a cut, an undo or a new scenario can remove it). */
const selectMenuRegionExists = (s: AppState) => s.faultMenuRegion !== null && s.scenario.regions.some((r) => r.id === s.faultMenuRegion);

/**
 * Opens a region's fault menu on a click on the map; the menu's code loads on the first click. Escape and a press
 * outside the menu close it from the moment it is asked for, not from when its code has loaded: on a slow machine
 * a press elsewhere before then would otherwise leave it to open later, over whatever the person went on to.
 */
export function RegionFaultMenuLayer() {
  const open = useApp(selectOpen);
  const regionId = useApp(selectMenuRegion);
  const focusOnOpen = useApp(selectFocusOnOpen);
  const regionExists = useApp(selectMenuRegionExists);
  useEffect(() => listenForRegionClicks(open), [open]);
  // A menu for a region that is gone closes, rather than offering faults for it.
  useEffect(() => {
    if (regionId !== null && !regionExists) open(null);
  }, [regionId, regionExists, open]);
  useEffect(() => {
    if (regionId === null) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      open(null);
      // Back to the region it was opened from, for a keyboard user.
      if (focusOnOpen) regionNodeElement(regionId)?.closest<HTMLElement>('.react-flow__node')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!(e.target instanceof Element && e.target.closest('.fault-menu'))) open(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [regionId, open, focusOnOpen]);
  if (regionId === null || !regionExists) return null;
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
