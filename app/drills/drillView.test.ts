import { describe, expect, it } from 'vitest';
import { DRILLS } from '../../engine/drills/drills.ts';
import { DrillPlay } from '../../engine/drills/drillRun.ts';
import type { DrillState } from '../../engine/worker.ts';
import { actionText, drillView } from './drillView.ts';

function stateAfter(steps: number, answer: number): DrillState {
  const loaded = DRILLS.find((d) => d.drill.id === 'lww-silent-drop');
  if (!loaded) throw new Error('missing drill');
  const play = new DrillPlay(loaded.drill, loaded.scenario);
  for (let i = 0; i < steps; i++) play.step(loaded.drill.steps[play.next]?.kind === 'question' ? answer : null);
  return { ok: true, drill: loaded.drill, scenario: play.scenario, next: play.next, timeS: play.simulation.timeS, outcomes: play.outcomes, last: null };
}

describe('the drill view', () => {
  it('keeps a question unrevealed until a later run shows the truth, then explains it', () => {
    const asked = drillView(stateAfter(2, 1)); // narration, question
    expect(asked.history[1]?.step.kind).toBe('question');
    expect(asked.history[1]?.revealed).toBe(false);
    expect(asked.current?.step.kind).toBe('run');
    const ran = drillView(stateAfter(3, 1));
    expect(ran.history[1]?.revealed).toBe(true);
  });

  it('scores predictions and checks, and ends with no current step', () => {
    const total = DRILLS.find((d) => d.drill.id === 'lww-silent-drop')?.drill.steps.length ?? 0;
    const right = drillView(stateAfter(total, 1));
    expect(right.current).toBeNull();
    expect(right.score).toEqual({ correct: 2, questions: 2, passed: 4, checks: 4 });
    expect(drillView(stateAfter(total, 0)).score.correct).toBe(0);
  });

  it('names each step\'s button', () => {
    const clock = (s: number) => `${s}s`;
    expect(actionText({ kind: 'run', untilS: 60 }, clock)).toBe('Run to 60s');
    expect(actionText({ kind: 'action', label: 'Fail us-east', fault: { kind: 'region-down', atS: 1, region: 'us-east' } }, clock)).toBe('Fail us-east');
  });
});
