/**
 * The header's scenario tools: the preset gallery, the drills, sharing and files, presenter mode. Galleries
 * load when first opened. A JSON file dropped anywhere on the page is opened (scenario, preset or drill).
 */
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { useImport } from '../share/useImport.ts';
import { addRecent } from '../share/recent.ts';
import { browserStorage } from '../share/storage.ts';
import { encodeScenarioHash } from '../../engine/index.ts';
import { Dialog } from './Dialog.tsx';
import { presetFromSearch, speedFromSearch } from '../store/librarySlice.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import './tools.css';

const PresetGallery = lazy(() => import('../gallery/PresetGallery.tsx').then((m) => ({ default: m.PresetGallery })));
const DrillGallery = lazy(() => import('../drills/DrillGallery.tsx').then((m) => ({ default: m.DrillGallery })));
const SharePanel = lazy(() => import('../share/SharePanel.tsx').then((m) => ({ default: m.SharePanel })));
const CompareView = lazy(() => import('../compare/CompareView.tsx').then((m) => ({ default: m.CompareView })));
const ExportPanel = lazy(() => import('../export/ExportPanel.tsx').then((m) => ({ default: m.ExportPanel })));


const selectMode = (s: AppState) => s.viewMode;
const selectModeChanged = (s: AppState) => s.viewModeChanged;
const selectLoadId = (s: AppState) => s.loadId;
const selectSpeedChanged = (s: AppState) => s.speedChanged;
const selectNotesShown = (s: AppState) => s.presetNotesShown;
const selectDialog = (s: AppState) => s.dialog;
const selectDialogOpened = (s: AppState) => s.dialogOpened;
const selectScenario = (s: AppState) => s.scenario;

export function ScenarioTools({ engine }: { engine: EngineClient }) {
  const open = useApp(selectDialog);
  const setOpen = useApp(selectDialogOpened);
  const mode = useApp(selectMode);
  const setMode = useApp(selectModeChanged);
  const importFile = useImport();
  const speedChanged = useApp(selectSpeedChanged);

  const notesShown = useApp(selectNotesShown);
  // A shared link's view settings: the speed it was watched at, and the preset whose notes go with it.
  useEffect(() => {
    const speed = speedFromSearch(window.location.search);
    if (speed !== null) speedChanged(speed);
    const presetId = presetFromSearch(window.location.search);
    if (presetId !== null) {
      void import('../../engine/presets/presets.ts').then(({ findPreset }) => {
        const preset = findPreset(presetId);
        if (preset) notesShown(preset);
      });
    }
  }, [speedChanged, notesShown]);
  const close = (): void => setOpen(null);
  const loadId = useApp(selectLoadId);
  const scenario = useApp(selectScenario);

  // Every scenario opened (a preset, a file, a link, a recent one) joins the recent list.
  useEffect(() => {
    addRecent(browserStorage(), { name: scenario.name, hash: encodeScenarioHash(scenario), savedAtMs: Date.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadId]);

  useEffect(() => {
    if (mode === 'embed') return;
    const over = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void importFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [mode, importFile]);

  if (mode === 'embed') {
    const full = `${window.location.pathname}${window.location.hash}`;
    return (
      <a className="tools__open-full" href={full} target="_blank" rel="noopener noreferrer">
        Open in Meridian
      </a>
    );
  }
  const presentButton = (
    <button type="button" aria-pressed={mode === 'present'} onClick={() => setMode(mode === 'present' ? 'edit' : 'present')} data-testid="toggle-present">
      {mode === 'present' ? 'Leave presenter mode' : 'Present'}
    </button>
  );
  // Presenting, the room sees the run, not the tools: only the way back.
  if (mode === 'present')
    return (
      <nav className="tools" aria-label="Scenario tools">
        {presentButton}
      </nav>
    );
  return (
    <nav className="tools" aria-label="Scenario tools">
      <button type="button" onClick={() => setOpen('presets')} data-testid="open-presets">
        Presets
      </button>
      <button type="button" onClick={() => setOpen('drills')} data-testid="open-drills">
        Drills
      </button>
      <button type="button" onClick={() => setOpen('share')} data-testid="open-share">
        Share
      </button>
      <button type="button" onClick={() => setOpen('compare')} data-testid="open-compare">
        Compare
      </button>
      <button type="button" onClick={() => setOpen('export')} data-testid="open-export">
        Export
      </button>
      {presentButton}
      <Dialog title="Presets" open={open === 'presets'} onClose={close} testId="presets-dialog">
        <Suspense fallback={<p>Loading the presets…</p>}>
          <PresetGallery onDone={close} />
        </Suspense>
      </Dialog>
      <Dialog title="Failover drills" open={open === 'drills'} onClose={close} testId="drills-dialog">
        <Suspense fallback={<p>Loading the drills…</p>}>
          <DrillGallery onDone={close} />
        </Suspense>
      </Dialog>
      <Dialog title="Share and files" open={open === 'share'} onClose={close} testId="share-dialog">
        <Suspense fallback={<p>Loading…</p>}>
          <SharePanel onDone={close} />
        </Suspense>
      </Dialog>
      <Dialog title="Compare A and B" open={open === 'compare'} onClose={close} testId="compare-dialog">
        <Suspense fallback={<p>Loading…</p>}>
          <CompareView />
        </Suspense>
      </Dialog>
      <Dialog title="Export this run" open={open === 'export'} onClose={close} testId="export-dialog">
        <Suspense fallback={<p>Loading…</p>}>
          <ExportPanel engine={engine} />
        </Suspense>
      </Dialog>
    </nav>
  );
}
