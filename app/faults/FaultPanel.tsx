import { memo, useMemo } from 'react';
import type { AppState } from '../store/index.ts';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import { formatClock } from '../controls/clock.ts';
import { faultEntries } from './faultList.ts';
import { ScheduleFaultForm } from './ScheduleFaultForm.tsx';

const select = (s: AppState) => ({
  faults: s.scenario.faults,
  durationS: s.scenario.durationS,
  // Whole seconds are enough to tell past from future, and re-render the list once a second at most.
  nowS: Math.floor(s.timeS),
  faultRemoved: s.faultRemoved,
});

/** The fault timeline: every scheduled and injected fault on the run's time axis, removable; and a form to add one. */
const FaultPanel = memo(function FaultPanel() {
  // The clock moves every snapshot: follow it in a frame of its own (frameSlots), not the snapshot's.
  const { faults, durationS, nowS, faultRemoved } = useThrottledApp(select, 0);
  const entries = useMemo(() => faultEntries(faults, durationS, nowS), [faults, durationS, nowS]);
  return (
    <section className="fault-panel" aria-labelledby="fault-panel-title">
      <h2 className="fault-panel__title" id="fault-panel-title">
        Faults
      </h2>
      {entries.length === 0 ? (
        <p className="fault-panel__empty">No faults yet. Click a region on the map, or schedule one below.</p>
      ) : (
        <ol className="fault-list" data-testid="fault-list">
          {entries.map((entry) => (
            <li
              key={entry.index}
              className={`fault-list__item${entry.past ? ' is-past' : ''}`}
              data-testid="fault-entry"
              data-kind={entry.fault.kind}
            >
              <span className="fault-list__time">{formatClock(entry.atS)}</span>
              <span className="fault-list__target">{entry.target}</span>
              <span className="fault-list__summary">{entry.summary}</span>
              <button
                type="button"
                className="fault-list__remove"
                onClick={() => faultRemoved(entry.index)}
                aria-label={`Remove ${entry.summary} of ${entry.target} at ${formatClock(entry.atS)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <ScheduleFaultForm />
    </section>
  );
});

export default FaultPanel;
