/** Opening a file: a scenario replaces the current one, a preset opens with its notes, a drill starts playing. */
import { useCallback } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { readImport } from './importFile.ts';

const selectOpened = (s: AppState) => s.scenarioOpened;
const selectPreset = (s: AppState) => s.presetOpened;
const selectNotice = (s: AppState) => s.noticeShown;
const selectDrill = (s: AppState) => s.drillRequested;
const selectRun = (s: AppState) => s.runOpened;

export function useImport(onDone: () => void = () => {}): (file: File) => Promise<void> {
  const opened = useApp(selectOpened);
  const openPreset = useApp(selectPreset);
  const notice = useApp(selectNotice);
  const requestDrill = useApp(selectDrill);
  const openRun = useApp(selectRun);
  return useCallback(
    async (file: File) => {
      const result = await readImport(file);
      if (result.kind === 'error') return notice(result.text, result.details);
      if (result.kind === 'scenario') {
        opened(result.scenario);
        notice(`Imported ${result.scenario.name} from ${file.name}.`, [], 'info');
      } else if (result.kind === 'run') {
        openRun(result.record);
        notice(`Imported the run ${result.record.base.name} from ${file.name}, with ${result.record.edits.length} live edits replayed at their times.`, [], 'info');
      }
      else if (result.kind === 'preset') {
        const { parsePreset } = await import('../../engine/presets/presets.ts');
        const parsed = parsePreset(result.input);
        if (!parsed.ok) return notice(`${file.name} is not a valid preset: nothing was changed.`, parsed.errors);
        openPreset(parsed.preset);
        notice(`Imported the preset ${parsed.preset.title} from ${file.name}.`, [], 'info');
      } else {
        requestDrill(result.input, file.name);
        notice(`Imported a drill from ${file.name}.`, [], 'info');
      }
      onDone();
    },
    [opened, openPreset, notice, requestDrill, openRun, onDone],
  );
}
