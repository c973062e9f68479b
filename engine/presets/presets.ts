/**
 * The presets, in gallery order: every pattern and example of the domain notes as a runnable scenario with what to
 * notice and the outcomes it must show. Import this module lazily in the app (it carries every preset's JSON).
 */
import { parseScenario, formatIssues } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Check } from '../outcomes/check.ts';
import { PresetSchema } from './presetSchema.ts';
import activePassive from '../../presets/active-passive.json' with { type: 'json' };
import activeActive from '../../presets/active-active.json' with { type: 'json' };
import regionalDataOwnership from '../../presets/regional-data-ownership.json' with { type: 'json' };
import gdprDataPlacement from '../../presets/gdpr-data-placement.json' with { type: 'json' };
import capacityHeadroom from '../../presets/capacity-headroom.json' with { type: 'json' };
import capacityNPlusOne from '../../presets/capacity-n-plus-one.json' with { type: 'json' };
import routingGeodns from '../../presets/routing-geodns.json' with { type: 'json' };
import routingAnycast from '../../presets/routing-anycast.json' with { type: 'json' };
import routingGlobalLb from '../../presets/routing-global-lb.json' with { type: 'json' };
import routingClient from '../../presets/routing-client.json' with { type: 'json' };
import replicationSync from '../../presets/replication-sync.json' with { type: 'json' };
import replicationSemiSync from '../../presets/replication-semi-sync.json' with { type: 'json' };
import replicationAsync from '../../presets/replication-async.json' with { type: 'json' };
import conflictsLww from '../../presets/conflicts-lww.json' with { type: 'json' };
import conflictsCrdt from '../../presets/conflicts-crdt.json' with { type: 'json' };
import spannerLike from '../../presets/spanner-like.json' with { type: 'json' };
import cockroachdbFollowerReads from '../../presets/cockroachdb-follower-reads.json' with { type: 'json' };
import consistencySession from '../../presets/consistency-session.json' with { type: 'json' };
import dynamodbGlobalTables from '../../presets/dynamodb-global-tables.json' with { type: 'json' };
import netflixActiveActive from '../../presets/netflix-active-active.json' with { type: 'json' };
import costTiered from '../../presets/cost-tiered.json' with { type: 'json' };

export interface Preset {
  readonly id: string;
  readonly group: string;
  readonly title: string;
  readonly summary: string;
  readonly notice: readonly string[];
  readonly expected: readonly Check[];
  readonly scenario: Scenario;
}

const FILES: readonly unknown[] = [
  activePassive,
  activeActive,
  regionalDataOwnership,
  gdprDataPlacement,
  capacityHeadroom,
  capacityNPlusOne,
  routingGeodns,
  routingAnycast,
  routingGlobalLb,
  routingClient,
  replicationSync,
  replicationSemiSync,
  replicationAsync,
  conflictsLww,
  conflictsCrdt,
  spannerLike,
  cockroachdbFollowerReads,
  consistencySession,
  dynamodbGlobalTables,
  netflixActiveActive,
  costTiered,
];

/** Validates a preset file: its metadata by the preset schema, its scenario by the scenario schema. */
export function parsePreset(input: unknown): { ok: true; preset: Preset } | { ok: false; errors: string[] } {
  const meta = PresetSchema.safeParse(input);
  if (!meta.success) return { ok: false, errors: meta.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const scenario = parseScenario(meta.data.scenario);
  if (!scenario.ok) return { ok: false, errors: formatIssues(scenario.issues).map((message) => `scenario.${message}`) };
  return { ok: true, preset: { ...meta.data, scenario: scenario.scenario } };
}

function load(): Preset[] {
  return FILES.map((file, i) => {
    const parsed = parsePreset(file);
    if (!parsed.ok) throw new Error(`preset ${i} is invalid: ${parsed.errors.join('; ')}`);
    return parsed.preset;
  });
}

/** Every preset, validated, in gallery order. */
export const PRESETS: readonly Preset[] = load();

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
