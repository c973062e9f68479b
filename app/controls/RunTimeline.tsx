import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import { faultEntries } from '../faults/faultList.ts';
import { formatClock } from './clock.ts';

/** Real milliseconds the scrubber must rest before the replay starts (dragging does not replay every second). */
const SETTLE_MS = 250;

const select = (s: AppState) => ({
  timeS: s.timeS,
  durationS: s.scenario.durationS,
  faults: s.scenario.faults,
  seekingToS: s.seekingToS,
});

/**
 * The run's time axis: a scrubber to go to any moment (the engine replays from the seed, so earlier moments come
 * back exactly as they were) with the scenario's faults marked where they happen.
 */
export function RunTimeline({ engine }: { engine: EngineClient }) {
  const { timeS, durationS, faults, seekingToS } = useApp(useShallow(select));
  const [draftS, setDraftS] = useState<number | null>(null);

  useEffect(() => {
    if (draftS === null) return undefined;
    const timer = setTimeout(() => {
      engine.seek(draftS);
      setDraftS(null);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draftS, engine]);

  const markers = useMemo(() => faultEntries(faults, durationS, timeS), [faults, durationS, timeS]);
  const shownS = draftS ?? seekingToS ?? timeS;

  return (
    <section className="run-timeline" aria-label="Timeline" id="run-timeline">
      <label className="run-timeline__label" htmlFor="run-timeline-scrubber">
        Timeline
      </label>
      <div className="run-timeline__track">
        <input
          id="run-timeline-scrubber"
          data-testid="timeline-scrubber"
          type="range"
          min={0}
          max={durationS}
          step={1}
          value={Math.floor(shownS)}
          aria-valuetext={`${formatClock(shownS)} of ${formatClock(durationS)}`}
          onChange={(e) => setDraftS(Number(e.target.value))}
        />
        <div className="run-timeline__markers" aria-hidden="true">
          {markers.map((m) => (
            <span
              key={m.index}
              className={`run-timeline__marker run-timeline__marker--${m.fault.kind}${m.past ? ' is-past' : ''}`}
              style={{ left: `${m.fraction * 100}%` }}
              title={`${formatClock(m.atS)} ${m.target}: ${m.summary}`}
            />
          ))}
        </div>
      </div>
      <span className="run-timeline__status" role="status" data-testid="timeline-status">
        {seekingToS !== null ? `Replaying to ${formatClock(seekingToS)}…` : ''}
      </span>
    </section>
  );
}
