import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import type { Speed } from '../store/runSlice.ts';
import type { EngineClient } from '../engine/engineClient.ts';

const SPEEDS: readonly Speed[] = [1, 10, 60, 'max'];
const select = (s: AppState) => ({
  playing: s.playing,
  done: s.done,
  speed: s.speed,
  timeS: s.timeS,
  durationS: s.scenario.durationS,
  speedChanged: s.speedChanged,
});

/** Simulated time as m:ss. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function RunControls({ engine }: { engine: EngineClient }) {
  const { playing, done, speed, timeS, durationS, speedChanged } = useApp(useShallow(select));
  return (
    <div className="run-controls" role="group" aria-label="Simulation">
      {done ? (
        <button type="button" onClick={engine.restart}>Run again</button>
      ) : playing ? (
        <button type="button" onClick={engine.pause}>Pause</button>
      ) : (
        <button type="button" onClick={engine.play}>Play</button>
      )}
      <button type="button" onClick={engine.restart} aria-label="Restart from 0 s">Restart</button>
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
      <output className="run-controls__clock" aria-label="Simulated time" data-testid="sim-clock">
        {formatClock(timeS)} / {formatClock(durationS)}
      </output>
    </div>
  );
}
