import { useContext } from 'react';
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
  return (
    <div className="editor-column__history" role="group" aria-label="History">
      <button type="button" disabled={!canUndo} onClick={() => store?.getState().undoRequested()} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl/Cmd+Z)">
        Undo
      </button>
      <button type="button" disabled={!canRedo} onClick={() => store?.getState().redoRequested()} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl/Cmd+Shift+Z)">
        Redo
      </button>
    </div>
  );
}

/** The editing column beside the map: what to add (palette) above, the selection's settings (inspector) below. */
export function EditorColumn() {
  return (
    <div className="editor-column">
      <HistoryButtons />
      <Palette />
      <Inspector />
    </div>
  );
}
