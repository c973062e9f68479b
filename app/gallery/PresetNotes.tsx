/**
 * The open preset's notes beside the run: what it is, what to notice, and its expected outcomes checked
 * against the engine's latest report (marked "so far" until the run has reached its end).
 */
import { evaluateChecks } from '../../engine/index.ts';
import { formatMetric } from '../format/metric.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const selectPreset = (s: AppState) => s.activePreset;
const selectReport = (s: AppState) => s.report;
const selectDone = (s: AppState) => s.done;
const selectDuration = (s: AppState) => s.scenario.durationS;

export function PresetNotes() {
  const preset = useApp(selectPreset);
  const report = useApp(selectReport);
  const done = useApp(selectDone);
  const durationS = useApp(selectDuration);
  if (!preset) return null;
  const final = done && report !== null && report.durationS >= durationS;
  const results = report ? evaluateChecks(report, preset.expected) : [];
  return (
    <section className="preset-notes" aria-label="About this preset" data-testid="preset-notes">
      <h2 className="preset-notes__title">{preset.title}</h2>
      <p className="preset-notes__summary">{preset.summary}</p>
      <h3 className="preset-notes__heading">What to notice</h3>
      <ul className="preset-notes__notice">
        {preset.notice.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <h3 className="preset-notes__heading">Expected outcomes {final ? '' : <span className="preset-notes__sofar">(so far; final at the end of the run)</span>}</h3>
      <ul className="preset-notes__checks" data-testid="preset-checks" data-final={final}>
        {preset.expected.map((check, i) => {
          const result = results[i];
          const state = result === undefined ? 'pending' : result.passed ? 'pass' : 'fail';
          return (
            <li key={`${check.metric}-${i}`} className={`preset-notes__check preset-notes__check--${state}`} data-state={state}>
              <span className="preset-notes__label">{check.label ?? check.metric}</span>{' '}
              <span className="preset-notes__value">{result?.value === null || result === undefined ? '-' : formatMetric(check.metric, result.value)}</span>{' '}
              <span className="preset-notes__bounds">
                ({[check.atLeast !== undefined ? `≥ ${formatMetric(check.metric, check.atLeast)}` : '', check.atMost !== undefined ? `≤ ${formatMetric(check.metric, check.atMost)}` : ''].filter(Boolean).join(', ')})
              </span>{' '}
              <span className="preset-notes__state">{state === 'pending' ? '…' : state === 'pass' ? 'pass' : final ? 'FAIL' : 'not yet'}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
