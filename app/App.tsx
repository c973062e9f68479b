import { useApp } from './store/context.ts';
import type { AppState } from './store/index.ts';
import type { EngineClient } from './engine/engineClient.ts';
import { MapCanvas } from './canvas/MapCanvas.tsx';
import { LazyEditorColumn } from './palette/LazyEditorColumn.tsx';
import { RunControls } from './controls/RunControls.tsx';
import { RunTimeline } from './controls/RunTimeline.tsx';
import { FaultPanel, RegionFaultMenuLayer } from './faults/FaultLayer.tsx';
import { ThemeToggle } from './theme/ThemeToggle.tsx';
import { LatencyReadout } from './panels/LatencyReadout.tsx';
import { LazyWatchPanel } from './panels/LazyWatchPanel.tsx';
import { Notices } from './panels/Notices.tsx';

const selectName = (s: AppState) => s.scenario.name;

export function App({ engine }: { engine: EngineClient }) {
  const name = useApp(selectName);
  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__brand">Meridian</h1>
        <p className="app__scenario" data-testid="scenario-name">{name}</p>
        <RunControls engine={engine} />
        <ThemeToggle />
      </header>
      <RunTimeline engine={engine} />
      <Notices />
      <main className="app__main">
        <LazyEditorColumn />
        <MapCanvas />
        <aside className="app__side" aria-label="Measurements">
          <LatencyReadout />
          <LazyWatchPanel />
          <FaultPanel />
          <p className="app__hint">Drag a population or a region on the map: its latency follows from the next simulated second.</p>
        </aside>
      </main>
      <RegionFaultMenuLayer />
    </div>
  );
}
