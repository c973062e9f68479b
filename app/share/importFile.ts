/**
 * Reading a dropped or picked file: a scenario, a run (a scenario with its timed live edits), a preset (scenario
 * with notes) or a drill. Untrusted: size is
 * capped, JSON is parsed (never evaluated), and everything goes through the schemas; on any problem the caller
 * shows the messages and keeps the current work.
 */
import { parseScenario, formatIssues } from '../../engine/index.ts';
import type { Scenario } from '../../engine/index.ts';
import { isRunDocument, parseRunDocument, type RunRecord } from '../../engine/index.ts';

/** Larger files are refused unread: no scenario comes near this. */
export const MAX_FILE_BYTES = 5_000_000;

export type ImportResult =
  | { readonly kind: 'scenario'; readonly scenario: Scenario }
  | { readonly kind: 'run'; readonly record: RunRecord }
  | { readonly kind: 'preset'; readonly input: unknown }
  | { readonly kind: 'drill'; readonly input: unknown }
  | { readonly kind: 'error'; readonly text: string; readonly details: readonly string[] };

/** What the text of a file holds; presets and drills are validated by their (lazily loaded) modules. */
export function classifyImport(name: string, text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'error', text: `${name} is not JSON: nothing was changed.`, details: [] };
  }
  if (isRunDocument(json)) {
    const run = parseRunDocument(json);
    return run.ok ? { kind: 'run', record: run.record } : { kind: 'error', text: `${name}: ${run.error} Nothing was changed.`, details: run.details };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    if ('steps' in json) return { kind: 'drill', input: json };
    if ('scenario' in json && 'expected' in json) return { kind: 'preset', input: json };
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return { kind: 'error', text: `${name} is not a valid scenario: nothing was changed.`, details: formatIssues(parsed.issues) };
  return { kind: 'scenario', scenario: parsed.scenario };
}

/** Reads a File (from a picker or a drop) with the size cap. */
export async function readImport(file: File): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return { kind: 'error', text: `${file.name} is too large to be a Meridian scenario (${Math.round(file.size / 1e6)} MB): nothing was changed.`, details: [] };
  return classifyImport(file.name, await file.text());
}
