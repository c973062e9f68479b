import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import type { Speed } from '../store/runSlice.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import { useRunShortcuts } from './useRunShortcuts.ts';
import { formatClock } from './clock.ts';

export { formatClock } from './clock.ts';

const SPEEDS: readonly Speed[] = [1, 10, 60, 'max'];
/** Step sizes offered, in simulated seconds. */
const STEPS_S: readonly number[] = [1, 10, 60];

const select = (s: AppState) => ({
  playing: s.playing,
  done: s.done,
  speed: s.speed,
  timeS: s.timeS,
  durationS: s.scenario.durationS,
  speedChanged: s.speedChanged,
});

/** Play, pause, step, speed and reset, with the simulated clock; Space and ArrowRight work from anywhere else. */
export function RunControls({ engine }: { engine: EngineClient }) {
  const { playing, done, speed, timeS, durationS, speedChanged } = useApp(useShallow(select));
  const [stepS, setStepS] = useState(1);
  useRunShortcuts(engine, stepS);
  const progress = durationS > 0 ? Math.min(100, Math.floor((100 * timeS) / durationS)) : 0;
  return (
    <div className="run-controls" role="group" aria-label="Simulation" id="run-controls">
      {done ? (
        <button type="button" onClick={engine.restart}>Run again</button>
      ) : playing ? (
        <button type="button" onClick={engine.pause} aria-keyshortcuts="Space">Pause</button>
      ) : (
        <button type="button" onClick={engine.play} aria-keyshortcuts="Space">Play</button>
      )}
      <span className="run-controls__step">
        <button
          type="button"
          onClick={() => engine.step(stepS)}
          disabled={done}
          aria-keyshortcuts="ArrowRight"
          aria-label={`Step ${stepS} simulated second${stepS === 1 ? '' : 's'}`}
        >
          Step
        </button>
        <select aria-label="Step size" value={String(stepS)} onChange={(e) => setStepS(Number(e.target.value))}>
          {STEPS_S.map((s) => (
            <option key={s} value={String(s)}>{`${s} s`}</option>
          ))}
        </select>
      </span>
      <button type="button" onClick={engine.reset} aria-label="Reset to 0 s">Reset</button>
      <label className="run-controls__speed">
        Speed
        <select value={String(speed)} onChange={(e) => speedChanged(e.target.value === 'max' ? 'max' : (Number(e.target.value) as Speed))}>
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {s === 'max' ? 'as fast as possible' : `${s}x`}
            </option>
          ))}
        </select>
      </label>
      {speed === 'max' && playing && (
        <span className="run-controls__progress" data-testid="run-progress">
          <progress max={100} value={progress} aria-label="Run progress" />
          {progress}%
        </span>
      )}
      <output className="run-controls__clock" aria-label="Simulated time" data-testid="sim-clock" data-time-s={timeS}>
        {formatClock(timeS)} / {formatClock(durationS)}
      </output>
    </div>
  );
}
