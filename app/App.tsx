import { useState } from 'react';
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
import { StartCard } from './start/StartCard.tsx';
import { SkipLinks } from './controls/SkipLinks.tsx';
import { EmbedStrip } from './panels/EmbedStrip.tsx';
import { DefaultNotes } from './start/DefaultNotes.tsx';

const selectName = (s: AppState) => s.scenario.name;
const selectMode = (s: AppState) => s.viewMode;
const selectEmbedFaults = (s: AppState) => s.embedFaults;

export function App({ engine }: { engine: EngineClient }) {
  const name = useApp(selectName);
  const mode = useApp(selectMode);
  const editable = mode !== 'embed';
  const embedFaults = useApp(selectEmbedFaults);
  // On a phone the palette and inspector live in a drawer, opened from the header (styles.css hides the button
  // elsewhere): the map and the run come first.
  const [drawer, setDrawer] = useState(false);
  return (
    <div className="app" data-mode={mode} data-drawer={drawer ? 'open' : 'closed'}>
      {mode !== 'embed' ? <SkipLinks /> : null}
      <header className="app__header">
        <h1 className="app__brand">Meridian</h1>
        <p className="app__scenario" data-testid="scenario-name" title={name}>
          {name}
        </p>
        <RunControls engine={engine} />
        <ScenarioTools engine={engine} />
        <ThemeToggle />
        {mode === 'edit' ? (
          <button type="button" className="app__drawer-toggle" aria-expanded={drawer} aria-controls="editor-column" onClick={() => setDrawer(!drawer)} data-testid="drawer-toggle">
            {drawer ? 'Close the editor' : 'Edit the scenario'}
          </button>
        ) : null}
      </header>
      {mode === 'embed' ? <EmbedStrip /> : <RunTimeline engine={engine} />}
      <Notices />
      <main className="app__main">
        {mode === 'edit' ? <LazyEditorColumn /> : null}
        <MapCanvas />
        {mode === 'embed' ? null : (
          <aside className="app__side" aria-label="Measurements">
            {mode === 'edit' ? <StartCard /> : null}
            <DrillSlot engine={engine} />
            <PresetNotesSlot />
            <DefaultNotes />
            <LatencyReadout />
            <LazyWatchPanel />
            {mode === 'edit' ? <FaultPanel /> : null}
          </aside>
        )}
      </main>
      {editable || embedFaults ? <RegionFaultMenuLayer /> : null}
    </div>
  );
}
