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
import { ScenarioTools } from './tools/ScenarioTools.tsx';
import { PresetNotesSlot } from './gallery/PresetNotesSlot.tsx';
import { DrillSlot } from './drills/DrillSlot.tsx';

const selectName = (s: AppState) => s.scenario.name;
const selectMode = (s: AppState) => s.viewMode;

export function App({ engine }: { engine: EngineClient }) {
  const name = useApp(selectName);
  const mode = useApp(selectMode);
  const editable = mode !== 'embed';
  return (
    <div className="app" data-mode={mode}>
      <header className="app__header">
        <h1 className="app__brand">Meridian</h1>
        <p className="app__scenario" data-testid="scenario-name" title={name}>
          {name}
        </p>
        <RunControls engine={engine} />
        <ScenarioTools engine={engine} />
        <ThemeToggle />
      </header>
      <RunTimeline engine={engine} />
      <Notices />
      <main className="app__main">
        {mode === 'edit' ? <LazyEditorColumn /> : null}
        <MapCanvas />
        <aside className="app__side" aria-label="Measurements">
          <DrillSlot engine={engine} />
          <PresetNotesSlot />
          <LatencyReadout />
          <LazyWatchPanel />
          {editable ? <FaultPanel /> : null}
          <p className="app__hint">New here? Open a preset (every pattern of the domain notes) or a drill from the header. Drag a population or a region on the map: its latency follows from the next simulated second.</p>
        </aside>
      </main>
      {editable ? <RegionFaultMenuLayer /> : null}
    </div>
  );
}
