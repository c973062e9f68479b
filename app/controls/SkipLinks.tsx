/**
 * The first tab stops of the page: skip to the map (its first region, whose Fail button is the next stop), to
 * the run controls, and to the drill while one plays. Buttons, not anchors: the address's hash is the scenario.
 */
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const selectDrill = (s: AppState) => s.drillRequest !== null;

function focusFirst(selector: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
}

export function SkipLinks() {
  const drill = useApp(selectDrill);
  return (
    <nav className="skip-links" aria-label="Skip to">
      <button type="button" className="skip-link" onClick={() => focusFirst('.react-flow__node-region')} data-testid="skip-map">
        Skip to the map
      </button>
      <button type="button" className="skip-link" onClick={() => focusFirst('#run-controls button')}>
        Skip to the run controls
      </button>
      {drill ? (
        <button type="button" className="skip-link" onClick={() => focusFirst('[data-drill-focus]')}>
          Skip to the drill
        </button>
      ) : null}
    </nav>
  );
}
