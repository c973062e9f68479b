import { useContext, useEffect, useState } from 'react';
import { describeChange } from '../store/describeChange.ts';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { Palette } from './Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';

const selectCanUndo = (s: AppState) => s.past.length > 0;
const selectCanRedo = (s: AppState) => s.future.length > 0;

/** Undo and redo for the mouse (the keyboard has Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y). */
function HistoryButtons() {
  const store = useContext(StoreContext);
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const [said, setSaid] = useState('');
  // What the last edit, undo or redo did, in words: shown, and read out by screen readers.
  useEffect(
    () =>
      store?.subscribe((state, previous) => {
        if (state.scenario === previous.scenario) return;
        // A scenario loaded, or shown whole (a drill's step), empties the history: not an edit to describe.
        if (state.loadId !== previous.loadId || (state.past.length === 0 && state.future.length === 0)) {
          setSaid('');
          return;
        }
        const undid = state.scenario === previous.past.at(-1);
        const redid = state.scenario === previous.future[0];
        // An undo is named by the edit it takes back.
        const what = undid ? describeChange(state.scenario, previous.scenario) : describeChange(previous.scenario, state.scenario);
        setSaid(undid ? `Undone: ${what}` : redid ? `Redone: ${what}` : what);
      }),
    [store],
  );
  return (
    <div className="editor-column__history" role="group" aria-label="History">
      <button type="button" disabled={!canUndo} onClick={() => store?.getState().undoRequested()} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl/Cmd+Z)">
        Undo
      </button>
      <button type="button" disabled={!canRedo} onClick={() => store?.getState().redoRequested()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl/Cmd+Shift+Z)">
        Redo
      </button>
      <p className="editor-column__said" role="status" data-testid="edit-status">
        {said}
      </p>
    </div>
  );
}

/** The editing column beside the map: what to add (palette) above, the selection's settings (inspector) below. */
export function EditorColumn() {
  return (
    <div className="editor-column" id="editor-column">
      <HistoryButtons />
      <Palette />
      <Inspector />
    </div>
  );
}
