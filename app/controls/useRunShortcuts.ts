import { useContext, useEffect } from 'react';
import { StoreContext } from '../store/context.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import { runShortcut, type KeyTarget } from './shortcuts.ts';

function keyTarget(element: Element | null): KeyTarget | null {
  if (!(element instanceof HTMLElement)) return null;
  return {
    tagName: element.tagName,
    type: element instanceof HTMLInputElement ? element.type : undefined,
    isContentEditable: element.isContentEditable,
    role: element.getAttribute('role'),
    withinMapNode: element.closest('.react-flow__node') !== null,
  };
}

/** Space plays or pauses and ArrowRight steps `stepS`, wherever the keys do not belong to the focused element. */
export function useRunShortcuts(engine: EngineClient, stepS: number): void {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (!store) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      // Not skipped when defaultPrevented: React Flow prevents Space (its pan key) on the whole document.
      if (event.repeat) return;
      const shortcut = runShortcut(event, keyTarget(document.activeElement));
      if (!shortcut) return;
      event.preventDefault();
      const state = store.getState();
      if (shortcut === 'step') engine.step(stepS);
      else if (state.done) engine.restart();
      else if (state.playing) engine.pause();
      else engine.play();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [engine, store, stepS]);
}
