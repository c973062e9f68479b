/**
 * What the drill player shows for a drill's state, as plain data (tested on its own): the history of steps done
 * with their outcomes, which questions are revealed (a question's explanation waits until a later run or
 * checkpoint has shown the truth), the current step, and the scorecard once done.
 */
import type { DrillState } from '../../engine/worker.ts';
import type { DrillStep } from '../../engine/index.ts';
import type { StepOutcome } from '../../engine/index.ts';

export interface HistoryItem {
  readonly index: number;
  readonly step: DrillStep;
  readonly outcome: StepOutcome;
  /** Questions: whether the run has since revealed the answer. */
  readonly revealed: boolean;
}

export interface DrillView {
  readonly history: readonly HistoryItem[];
  readonly current: { readonly index: number; readonly step: DrillStep } | null;
  readonly progress: { readonly done: number; readonly total: number };
  readonly score: { readonly correct: number; readonly questions: number; readonly passed: number; readonly checks: number };
}

export function drillView(state: DrillState): DrillView {
  const steps = state.drill.steps;
  const history = state.outcomes.map((outcome, i) => {
    const step = steps[outcome.index] as DrillStep;
    const revealed = step.kind === 'question' && state.outcomes.slice(i + 1).some((o) => o.kind === 'run' || o.kind === 'checkpoint');
    return { index: outcome.index, step, outcome, revealed };
  });
  const next = steps[state.next];
  const questions = state.outcomes.filter((o) => o.kind === 'question');
  const checks = state.outcomes.flatMap((o) => o.results ?? []);
  return {
    history,
    current: next ? { index: state.next, step: next } : null,
    progress: { done: state.next, total: steps.length },
    score: { correct: questions.filter((o) => o.correct).length, questions: questions.length, passed: checks.filter((r) => r.passed).length, checks: checks.length },
  };
}

/** The text of the button that does a step. */
export function actionText(step: DrillStep, clock: (s: number) => string): string {
  switch (step.kind) {
    case 'narration':
      return 'Next';
    case 'question':
      return 'Lock in my answer';
    case 'action':
      return step.label;
    case 'run':
      return `Run to ${clock(step.untilS)}`;
    case 'checkpoint':
      return `Check: ${step.label}`;
  }
}
