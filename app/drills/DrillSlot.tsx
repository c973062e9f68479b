/** Where the drill player appears: its code loads the first time a drill is asked for. */
import { lazy, Suspense } from 'react';
import type { EngineClient } from '../engine/engineClient.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const DrillPlayer = lazy(() => import('./DrillPlayer.tsx').then((m) => ({ default: m.DrillPlayer })));
const selectRequested = (s: AppState) => s.drillRequest !== null;

export function DrillSlot({ engine }: { engine: EngineClient }) {
  const requested = useApp(selectRequested);
  if (!requested) return null;
  return (
    <Suspense fallback={<p role="status">Loading the drill…</p>}>
      <DrillPlayer engine={engine} />
    </Suspense>
  );
}
