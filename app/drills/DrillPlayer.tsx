/**
 * The drill player: takes a requested drill, starts it in the engine worker (whose run the map and charts then
 * show), and walks its steps: narration, predict-then-reveal questions, actions, runs and checkpoints; back and
 * rewind to any step replay from the seed; a scorecard at the end. In presenter mode Space / right arrow do the
 * next step and left arrow goes back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillStart, DrillState } from '../../engine/worker.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { clock } from '../../engine/index.ts';
import { actionText, drillView } from './drillView.ts';
import { checkText } from '../format/metric.ts';

const selectRequest = (s: AppState) => s.drillRequest;
const selectShown = (s: AppState) => s.drillScenarioShown;
const selectNotice = (s: AppState) => s.noticeShown;
const selectPlaying = (s: AppState) => s.playingChanged;
const selectLoaded = (s: AppState) => s.scenarioLoaded;
const selectMode = (s: AppState) => s.viewMode;

export function DrillPlayer({ engine }: { engine: EngineClient }) {
  const request = useApp(selectRequest);
  const show = useApp(selectShown);
  const notice = useApp(selectNotice);
  const setPlaying = useApp(selectPlaying);
  const load = useApp(selectLoaded);
  const mode = useApp(selectMode);
  const [state, setState] = useState<DrillState | null>(null);
  const [choice, setChoice] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = useCallback(
    (next: DrillState | null | undefined) => {
      if (!next) return;
      setState(next);
      setChoice(null);
      show(next.scenario);
    },
    [show],
  );

  useEffect(() => {
    if (!request) return;
    setPlaying(false);
    void engine
      .control((api) => api.drillStart(request.input) as Promise<DrillStart>) // comlink splits a union's promise
      .then((result) => {
        if (!result) return;
        if (!result.ok) notice(`${request.source} is not a valid drill: nothing was changed.`, result.errors);
        else apply(result);
      });
  }, [request, engine, notice, apply, setPlaying]);

  const step = useCallback(
    async (answer: number | null) => {
      setBusy(true);
      apply(await engine.control((api) => api.drillStep(answer)));
      setBusy(false);
    },
    [engine, apply],
  );
  const rewind = useCallback(
    async (index: number) => {
      setBusy(true);
      apply(await engine.control((api) => api.drillRewind(index)));
      setBusy(false);
    },
    [engine, apply],
  );
  const leave = (): void => {
    if (state) load(state.scenario); // back to free play with the drill's world as it is now
    setState(null);
  };

  // The focus follows the drill: into it when it starts (not back to the header, where an Enter meant for the
  // drill would do something else), then to each new step's action (a question's first choice), and to the
  // scorecard at the end.
  const section = useRef<HTMLElement>(null);
  const stepIndex = state ? state.next : null;
  useEffect(() => {
    if (stepIndex === null || busy) return;
    const root = section.current;
    const target =
      root?.querySelector<HTMLElement>('[data-testid="drill-current"] input[type="radio"]') ??
      root?.querySelector<HTMLElement>('[data-testid="drill-next"]:not(:disabled)') ??
      root?.querySelector<HTMLElement>('[data-testid="drill-scorecard"]');
    target?.focus();
  }, [stepIndex, busy]);

  const view = state ? drillView(state) : null;
  const current = view?.current ?? null;
  const canDo = current !== null && !busy && (current.step.kind !== 'question' || choice !== null);

  useEffect(() => {
    if (mode !== 'present' || !state) return;
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target;
      // A question's choices keep their own keys (the arrows choose); Space on one locks the choice in.
      const onChoice = target instanceof HTMLInputElement && target.type === 'radio';
      if (onChoice && (event.key !== ' ' || !canDo)) return;
      if (!onChoice && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
      if ((event.key === ' ' || event.key === 'ArrowRight') && canDo) void step(current?.step.kind === 'question' ? choice : null);
      else if (event.key === 'ArrowLeft' && state.next > 0 && !busy) void rewind(state.next - 1);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation(); // the drill, not the run controls, owns these keys while it plays
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [mode, state, canDo, current, choice, busy, step, rewind]);

  if (!state || !view) return null;
  return (
    <section ref={section} className="drill" aria-label={`Drill: ${state.drill.title}`} data-testid="drill-player" data-drill-focus tabIndex={-1}>
      <header className="drill__header">
        <h2 className="drill__title">{state.drill.title}</h2>
        <p className="drill__progress" data-testid="drill-progress">
          Step {Math.min(view.progress.done + 1, view.progress.total)} of {view.progress.total} · {clock(state.timeS)}
        </p>
        <div className="drill__nav">
          <button type="button" onClick={() => void rewind(state.next - 1)} disabled={busy || state.next === 0}>
            Back
          </button>
          <button type="button" onClick={() => void rewind(0)} disabled={busy || state.next === 0}>
            Start over
          </button>
          <button type="button" onClick={leave}>
            Leave drill
          </button>
        </div>
      </header>
      <ol className="drill__history">
        {view.history.map((item) => (
          <li key={item.index} className={`drill__step drill__step--${item.step.kind}`}>
            <StepBody item={item} />
            <button type="button" className="drill__rewind" onClick={() => void rewind(item.index)} disabled={busy} aria-label={`Go back to step ${item.index + 1}`}>
              ↺
            </button>
          </li>
        ))}
      </ol>
      {current ? (
        <div className="drill__current" data-testid="drill-current" data-kind={current.step.kind}>
          {current.step.kind === 'narration' ? <p>{current.step.text}</p> : null}
          {current.step.kind === 'question' ? (
            <fieldset className="drill__question">
              <legend>{current.step.prompt}</legend>
              {current.step.choices.map((text, i) => (
                <label key={text} className="drill__choice">
                  <input type="radio" name={`drill-q-${current.index}`} checked={choice === i} onChange={() => setChoice(i)} /> {text}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="button" className="drill__do" data-testid="drill-next" disabled={!canDo} onClick={() => void step(current.step.kind === 'question' ? choice : null)}>
            {actionText(current.step, clock)}
          </button>
        </div>
      ) : (
        <div className="drill__scorecard" data-testid="drill-scorecard" role="status" tabIndex={-1}>
          <h3>Scorecard</h3>
          <p>
            Predictions: {view.score.correct} of {view.score.questions} right. Checks: {view.score.passed} of {view.score.checks} passed.
          </p>
        </div>
      )}
    </section>
  );
}

function StepBody({ item }: { item: ReturnType<typeof drillView>['history'][number] }) {
  const { step, outcome } = item;
  switch (step.kind) {
    case 'narration':
      return <p>{step.text}</p>;
    case 'question':
      return (
        <div>
          <p className="drill__prompt">{step.prompt}</p>
          <p>
            {outcome.chosen === null || outcome.chosen === undefined ? 'Not answered.' : `Your answer: ${step.choices[outcome.chosen] ?? ''}.`}{' '}
            {item.revealed ? (outcome.correct ? 'Right.' : `The answer: ${step.choices[step.answer] ?? ''}.`) : 'The run will tell.'}
          </p>
          {item.revealed ? <p className="drill__explanation">{step.explanation}</p> : null}
        </div>
      );
    case 'action':
      return <p>{outcome.error ? `${step.label}: could not be done (${outcome.error}).` : `${step.label} (at ${clock(outcome.atS)}).`}</p>;
    case 'run':
      return <p>Ran to {clock(outcome.atS)}{step.label ? `: ${step.label}` : ''}.</p>;
    case 'checkpoint':
      return (
        <div>
          <p className="drill__checkpoint">Checkpoint: {step.label}</p>
          <ul className="drill__checks" data-testid="drill-checks">
            {(outcome.results ?? []).map((r) => (
              <li key={r.text} data-passed={r.passed} className={r.passed ? 'drill__pass' : 'drill__fail'}>
                {checkText(r)}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}
