import { describe, expect, it } from 'vitest';
import { DRILLS, parseDrill } from './drills.ts';
import { replayTo, runDrill } from './drillRun.ts';

const rightAnswers = (steps: (typeof DRILLS)[number]['drill']['steps']) => steps.flatMap((s) => (s.kind === 'question' ? [s.answer] : []));

describe('drills', () => {
  it('at least six, each with questions and checkpoints', () => {
    expect(DRILLS.length).toBeGreaterThanOrEqual(6);
    for (const { drill } of DRILLS) {
      expect(drill.steps.some((s) => s.kind === 'question')).toBe(true);
      expect(drill.steps.some((s) => s.kind === 'checkpoint')).toBe(true);
    }
  });

  for (const { drill, scenario } of DRILLS) {
    it(`${drill.id}: every checkpoint passes, and the scorecard counts the answers`, () => {
      const card = runDrill(drill, scenario, rightAnswers(drill.steps));
      const failed = card.steps.flatMap((s) => (s.results ?? []).filter((r) => !r.passed).map((r) => `step ${s.index}: ${r.text}`));
      expect(failed).toEqual([]);
      expect(card.steps.filter((s) => s.error)).toEqual([]);
      expect(card.questions.correct).toBe(card.questions.total);
      expect(card.checkpoints.passed).toBe(card.checkpoints.total);
    });
  }

  it('counts wrong answers, and replays to any step exactly (same report as playing straight there)', () => {
    const { drill, scenario } = DRILLS.find((d) => d.drill.id === 'lww-silent-drop') ?? DRILLS[0]!;
    const wrong = rightAnswers(drill.steps).map((a) => (a + 1) % 2);
    expect(runDrill(drill, scenario, wrong).questions.correct).toBe(0);
    const straight = replayTo(drill, scenario, drill.steps.length);
    const again = replayTo(drill, scenario, drill.steps.length);
    expect(JSON.stringify(again.simulation.report())).toBe(JSON.stringify(straight.simulation.report()));
    const early = replayTo(drill, scenario, 3);
    expect(early.simulation.timeS).toBe(60);
  });

  it('reject broken drills with the path of each problem', () => {
    const base = { version: 1, id: 'x', title: 't', summary: 's', preset: 'active-passive' };
    const check = (steps: unknown[], extra: object = {}) => {
      const parsed = parseDrill({ ...base, ...extra, steps });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(check([{ kind: 'action', label: 'x', change: { path: 'data.nope', value: 1 } }])).toEqual(['steps.0.change.path: data.nope: no such setting']);
    expect(check([{ kind: 'action', label: 'x', change: { path: 'data.__proto__.x', value: 1 } }])).toEqual(['steps.0.change.path: data.__proto__.x: no such setting']);
    expect(check([{ kind: 'question', prompt: 'p', choices: ['a', 'b'], answer: 2, explanation: 'e' }])).toEqual(['steps.0.answer: must be the index of one of the 2 choices']);
    expect(check([{ kind: 'run', untilS: 10 }], { preset: 'nope' })).toEqual(['preset: no preset "nope"']);
    expect(check([{ kind: 'dance' }])[0]).toMatch(/^steps\.0\.kind: must be one of/);
    expect(check([{ kind: 'checkpoint', label: 'c', checks: [{ metric: 'rtoS' }] }])[0]).toMatch(/needs atLeast or atMost/);
    expect(check([{ kind: 'run', untilS: 10 }], { scenario: {} })).toEqual(['(drill): needs exactly one of preset or scenario']);
  });
});

describe('docs/drills.md', () => {
  it('shows an example drill that is valid as written', async () => {
    const { readFileSync } = await import('node:fs');
    const markdown = readFileSync(new URL('../../docs/drills.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    const parsed = parseDrill(JSON.parse(example ?? 'null'));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('documents every metric', async () => {
    const { readFileSync } = await import('node:fs');
    const { METRICS } = await import('../outcomes/metrics.ts');
    const markdown = readFileSync(new URL('../../docs/drills.md', import.meta.url), 'utf8');
    for (const id of Object.keys(METRICS)) expect(markdown).toContain(`\`${id}`);
  });
});
