/**
 * Playing a drill against the engine, step by step, deterministically: the same drill and answers give the same
 * scorecard, and going back to step k is replaying steps 0..k-1 from the seed (which is exact: the engine is
 * deterministic). Used by the command line, the tests and the app's drill player (in the worker).
 */
import { evaluateChecks, type CheckResult } from '../outcomes/check.ts';
import { parseScenario, formatIssues } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createSimulation, type Simulation } from '../simulation.ts';
import type { Drill, DrillStep } from './drillSchema.ts';
import { changeSetting } from './settingChange.ts';

export interface StepOutcome {
  readonly index: number;
  readonly kind: DrillStep['kind'];
  /** Simulated time when the step was done, seconds. */
  readonly atS: number;
  /** Checkpoints: each check's result. */
  readonly results?: readonly CheckResult[];
  /** Questions: the choice given (null: not answered) and whether it was right. */
  readonly chosen?: number | null;
  readonly correct?: boolean;
  /** Actions that could not be done (the scenario would be invalid): why. */
  readonly error?: string;
}

export interface Scorecard {
  readonly steps: readonly StepOutcome[];
  readonly questions: { readonly correct: number; readonly total: number };
  readonly checkpoints: { readonly passed: number; readonly total: number };
}

/** The scenario after an action step, done at `nowS`; an error instead if it would be invalid. */
export function applyAction(scenario: Scenario, step: Extract<DrillStep, { kind: 'action' }>, nowS: number): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  let next: unknown;
  if (step.fault) {
    const atS = Math.max(step.fault.atS, nowS);
    next = { ...scenario, faults: [...scenario.faults, { ...step.fault, atS }] };
  } else if (step.change) {
    const changed = changeSetting(scenario, step.change.path, step.change.value);
    if (!changed.ok) return changed;
    next = changed.scenario;
  }
  const parsed = parseScenario(next);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, error: formatIssues(parsed.issues).join('; ') };
}

/** A drill being played: a simulation, the scenario as the actions so far made it, and the next step. */
export class DrillPlay {
  readonly simulation: Simulation;
  scenario: Scenario;
  next = 0;
  readonly outcomes: StepOutcome[] = [];

  constructor(
    readonly drill: Drill,
    /** The scenario the drill starts from. */
    readonly base: Scenario,
  ) {
    this.scenario = base;
    this.simulation = createSimulation(base);
  }

  get done(): boolean {
    return this.next >= this.drill.steps.length;
  }

  /** Does the next step; `answer` is the choice for a question step (null or omitted: unanswered). */
  step(answer: number | null = null): StepOutcome | undefined {
    const index = this.next;
    const step = this.drill.steps[index];
    if (!step) return undefined;
    this.next++;
    const sim = this.simulation;
    let outcome: StepOutcome;
    switch (step.kind) {
      case 'narration':
        outcome = { index, kind: step.kind, atS: sim.timeS };
        break;
      case 'question':
        outcome = { index, kind: step.kind, atS: sim.timeS, chosen: answer, correct: answer === step.answer };
        break;
      case 'run':
        sim.advanceTo(Math.min(step.untilS, this.scenario.durationS));
        outcome = { index, kind: step.kind, atS: sim.timeS };
        break;
      case 'action': {
        const applied = applyAction(this.scenario, step, sim.timeS);
        if (applied.ok) {
          this.scenario = applied.scenario;
          sim.applyScenario(applied.scenario);
          outcome = { index, kind: step.kind, atS: sim.timeS };
        } else {
          outcome = { index, kind: step.kind, atS: sim.timeS, error: applied.error };
        }
        break;
      }
      case 'checkpoint':
        outcome = { index, kind: step.kind, atS: sim.timeS, results: evaluateChecks(sim.report(), step.checks) };
        break;
    }
    this.outcomes.push(outcome);
    return outcome;
  }

  scorecard(): Scorecard {
    const questions = this.outcomes.filter((o) => o.kind === 'question');
    const checks = this.outcomes.flatMap((o) => o.results ?? []);
    return {
      steps: this.outcomes,
      questions: { correct: questions.filter((o) => o.correct).length, total: questions.length },
      checkpoints: { passed: checks.filter((r) => r.passed).length, total: checks.length },
    };
  }
}

/** Plays a whole drill with the given answers (by question order) and returns its scorecard. */
export function runDrill(drill: Drill, base: Scenario, answers: readonly (number | null)[] = []): Scorecard {
  const play = new DrillPlay(drill, base);
  let question = 0;
  while (!play.done) {
    const isQuestion = drill.steps[play.next]?.kind === 'question';
    play.step(isQuestion ? (answers[question++] ?? null) : null);
  }
  return play.scorecard();
}

/** A play positioned just before step `index`: steps 0..index-1 replayed from the seed (answers do not matter). */
export function replayTo(drill: Drill, base: Scenario, index: number): DrillPlay {
  const play = new DrillPlay(drill, base);
  while (play.next < index && !play.done) play.step();
  return play;
}
