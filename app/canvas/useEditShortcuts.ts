import { useContext, useEffect } from 'react';
import { StoreContext } from '../store/context.ts';
import type { NodeRef } from '../store/scenarioEdits.ts';
import { commandFor, isField } from './shortcuts.ts';
import { parseNodeId, regionNodeId, userNodeId } from './scenarioNodes.ts';

/** The selected canvas nodes as scenario refs (the routing pseudo-selection is not a node). */
export function selectedRefs(selection: readonly string[]): NodeRef[] {
  return selection.map(parseNodeId).filter((ref): ref is NodeRef => ref !== undefined);
}

/** Delete, duplicate, copy, cut, paste, undo, redo, select all and clear selection from the keyboard, anywhere but in a field. */
export function useEditShortcuts(): void {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (!store) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || store.getState().viewMode === 'embed') return; // embedded: read-only
      const command = commandFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inField: isField(event.target),
      });
      if (!command) return;
      const state = store.getState();
      const refs = selectedRefs(state.selection);
      switch (command) {
        case 'delete':
          if (refs.length === 0) return;
          state.nodesDeleted(refs);
          break;
        case 'duplicate':
          state.nodesDuplicated(refs); // also keeps the browser's bookmark dialog away
          break;
        case 'copy':
          // With no node selected, the browser copies text as usual.
          if (refs.length === 0) return;
          state.nodesCopied(refs);
          break;
        case 'cut':
          if (refs.length === 0) return;
          state.nodesCut(refs);
          break;
        case 'paste':
          if (!state.clipboard) return;
          state.clipboardPasted();
          break;
        case 'undo':
          state.undoRequested();
          break;
        case 'redo':
          state.redoRequested();
          break;
        case 'select-all':
          state.selectionChanged([...state.scenario.regions.map((r) => regionNodeId(r.id)), ...state.scenario.users.map((u) => userNodeId(u.id))]);
          break;
        case 'clear-selection':
          if (state.selection.length === 0) return;
          state.selectionChanged([]);
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
