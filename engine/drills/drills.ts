/**
 * The bundled drills (drills/*.json) and their validation: the drill schema, the start scenario (a preset or
 * inline), and every action's setting path against it, so a broken drill is caught before anyone plays it.
 */
import { findPreset } from '../presets/presets.ts';
import { parseScenario, formatIssues } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DrillSchema, type Drill } from './drillSchema.ts';
import { changeSetting } from './settingChange.ts';
import asyncPrimaryLoss from '../../drills/async-primary-loss.json' with { type: 'json' };
import dnsTtlVsAnycast from '../../drills/dns-ttl-vs-anycast.json' with { type: 'json' };
import headroomAfterFailure from '../../drills/headroom-after-failure.json' with { type: 'json' };
import gdprFailoverTrap from '../../drills/gdpr-failover-trap.json' with { type: 'json' };
import lwwSilentDrop from '../../drills/lww-silent-drop.json' with { type: 'json' };
import splitBrain from '../../drills/split-brain.json' with { type: 'json' };

export interface LoadedDrill {
  readonly drill: Drill;
  /** The scenario the drill starts from. */
  readonly scenario: Scenario;
}

export function parseDrill(input: unknown): { ok: true; value: LoadedDrill } | { ok: false; errors: string[] } {
  const parsed = DrillSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(drill)'}: ${issue.message}`) };
  const drill = parsed.data;
  let scenario: Scenario;
  if (drill.preset !== undefined) {
    const preset = findPreset(drill.preset);
    if (!preset) return { ok: false, errors: [`preset: no preset "${drill.preset}"`] };
    scenario = preset.scenario;
  } else {
    const inline = parseScenario(drill.scenario);
    if (!inline.ok) return { ok: false, errors: formatIssues(inline.issues).map((m) => `scenario.${m}`) };
    scenario = inline.scenario;
  }
  const errors: string[] = [];
  drill.steps.forEach((step, i) => {
    if (step.kind === 'action' && step.change) {
      const changed = changeSetting(scenario, step.change.path, step.change.value);
      if (!changed.ok) errors.push(`steps.${i}.change.path: ${changed.error}`);
    }
    if (step.kind === 'question' && step.answer >= step.choices.length) errors.push(`steps.${i}.answer: must be the index of one of the ${step.choices.length} choices`);
    if (step.kind === 'run' && step.untilS > scenario.durationS) errors.push(`steps.${i}.untilS: must be at most the scenario's durationS (${scenario.durationS})`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { drill, scenario } };
}

const FILES: readonly unknown[] = [asyncPrimaryLoss, dnsTtlVsAnycast, headroomAfterFailure, gdprFailoverTrap, lwwSilentDrop, splitBrain];

/** Every bundled drill, validated. */
export const DRILLS: readonly LoadedDrill[] = FILES.map((file, i) => {
  const parsed = parseDrill(file);
  if (!parsed.ok) throw new Error(`drill ${i} is invalid: ${parsed.errors.join('; ')}`);
  return parsed.value;
});

export function findDrill(id: string): LoadedDrill | undefined {
  return DRILLS.find((d) => d.drill.id === id);
}
