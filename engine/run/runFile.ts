/**
 * A run as a document, for a "share this run" link and a run file: the first scenario (in its short form, as a
 * scenario file has it) and each live edit as the changes it made, at its time.
 *
 *   { "meridianRun": 1,
 *     "scenario": { ...a scenario file... },
 *     "edits": [ { "atS": 10, "changes": [ { "path": ["users", 1, "lat"], "value": -33.87 }, ... ] } ] }
 *
 * A change sets the value at `path` in the scenario as the previous edit left it (every setting filled in);
 * without `value` it removes that key. Everything is untrusted: counts and depths are bounded, paths may only
 * walk into what exists (and never into `__proto__`), and every edit's scenario goes through the schema.
 */
import { compactScenario, deepEqual } from '../scenario/compact.ts';
import { formatIssues, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { MAX_EDITS, type RunRecord, type TimedEdit } from './recordedRun.ts';

export const RUN_FORMAT = 1;
/** Changes one edit may carry, and how deep a path may go. */
const MAX_CHANGES = 10_000;
const MAX_PATH = 12;
/** Edits happen within a run, whose longest is a day. */
const MAX_AT_S = 86_400;
/**
 * Characters of scenario JSON the edits may add up to (each edit is checked as a whole scenario): a short
 * document of 2,000 empty edits over the largest scenario the schema allows would otherwise take the page ~16 s
 * to read (and as long again in the worker). 2,000 edits of the large standard scenario (15 kB) fit.
 */
export const MAX_EDITED_CHARS = 40_000_000;

export type PathStep = string | number;

export interface Change {
  readonly path: readonly PathStep[];
  /** Absent: the key at `path` is removed. */
  readonly value?: unknown;
}

export interface RunDocument {
  readonly meridianRun: typeof RUN_FORMAT;
  readonly scenario: unknown;
  readonly edits: readonly { readonly atS: number; readonly changes: readonly Change[] }[];
}

export type RunResult = { readonly ok: true; readonly record: RunRecord } | { readonly ok: false; readonly error: string; readonly details: readonly string[] };

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The changes that turn `from` into `to` (plain JSON values), appended to `out`. */
export function diff(from: unknown, to: unknown, path: PathStep[] = [], out: Change[] = []): Change[] {
  if (deepEqual(from, to)) return out;
  if (isPlain(from) && isPlain(to)) {
    for (const key of Object.keys(to)) diff(from[key], to[key], [...path, key], out);
    for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) out.push({ path: [...path, key] });
    return out;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    to.forEach((item, i) => diff(from[i], item, [...path, i], out));
    return out;
  }
  out.push({ path, value: to });
  return out;
}

/** The run as a document (its first scenario short, each edit as its changes). */
export function toRunDocument(record: RunRecord): RunDocument {
  let previous: unknown = plainOf(record.base);
  const edits = record.edits.map((edit: TimedEdit) => {
    const next = plainOf(edit.scenario);
    const changes = diff(previous, next);
    previous = next;
    return { atS: edit.atS, changes };
  });
  return { meridianRun: RUN_FORMAT, scenario: compactScenario(record.base), edits };
}

/** True when `input` looks like a run document rather than a scenario (it names the run format). */
export function isRunDocument(input: unknown): boolean {
  return isPlain(input) && Object.hasOwn(input, 'meridianRun');
}

/** Reads a run document back into a record, or says what is wrong with it. */
export function parseRunDocument(input: unknown): RunResult {
  const fail = (error: string, details: readonly string[] = []): RunResult => ({ ok: false, error, details });
  if (!isPlain(input)) return fail('This is not a Meridian run.');
  const format = input.meridianRun;
  if (format !== RUN_FORMAT) {
    return typeof format === 'number' && format > RUN_FORMAT
      ? fail(`This run was saved by a newer version of Meridian (run format ${format}).`)
      : fail('This is not a Meridian run (its "meridianRun" must be 1).');
  }
  const base = parseScenario(input.scenario);
  if (!base.ok) return fail('The scenario this run starts from is not valid.', formatIssues(base.issues));
  const rawEdits = input.edits ?? [];
  if (!Array.isArray(rawEdits)) return fail('This run is damaged: "edits" must be a list.');
  if (rawEdits.length > MAX_EDITS) return fail(`This run has ${rawEdits.length} edits; at most ${MAX_EDITS} are kept.`);
  const tooLarge = `This run is too large to open: its ${rawEdits.length} edits of a scenario this size add up to more than Meridian replays.`;
  // Each edit is about the size of the scenario it changes: most runs too large are refused before any work.
  if (JSON.stringify(base.scenario).length * rawEdits.length > MAX_EDITED_CHARS) return fail(tooLarge);
  const edits: TimedEdit[] = [];
  let current: Scenario = base.scenario;
  let lastS = 0;
  let editedChars = 0;
  for (const [i, raw] of rawEdits.entries()) {
    const where = `Edit ${i + 1}`;
    if (!isPlain(raw)) return fail(`This run is damaged: ${where} is not an edit.`);
    const atS = raw.atS;
    if (typeof atS !== 'number' || !Number.isFinite(atS) || atS < lastS || atS > MAX_AT_S) {
      return fail(`This run is damaged: ${where} has no valid time (edits are in time order, 0 to ${MAX_AT_S} s).`);
    }
    const changes = raw.changes;
    if (!Array.isArray(changes) || changes.length > MAX_CHANGES) return fail(`This run is damaged: ${where} has no valid list of changes.`);
    const text = JSON.stringify(current);
    editedChars += text.length;
    if (editedChars > MAX_EDITED_CHARS) return fail(tooLarge);
    const next: unknown = JSON.parse(text);
    for (const change of changes) {
      const problem = applyChange(next, change);
      if (problem) return fail(`This run is damaged: ${where} ${problem}.`);
    }
    const parsed = parseScenario(next);
    if (!parsed.ok) return fail(`${where} (at ${atS} s) makes a scenario that is not valid.`, formatIssues(parsed.issues));
    current = parsed.scenario;
    edits.push({ atS, scenario: current });
    lastS = atS;
  }
  return { ok: true, record: { base: base.scenario, edits } };
}

/** A deep copy as plain JSON data. */
function plainOf(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Applies one untrusted change to `root` in place; returns what is wrong with it, or undefined. */
function applyChange(root: unknown, change: unknown): string | undefined {
  if (!isPlain(change) || !Array.isArray(change.path)) return 'has a change without a path';
  const path = change.path as unknown[];
  if (path.length === 0 || path.length > MAX_PATH) return 'has a change whose path is empty or too deep';
  for (const step of path) {
    const ok = (typeof step === 'string' && !FORBIDDEN.has(step)) || (typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < 1e6);
    if (!ok) return 'has a change whose path is not valid';
  }
  let parent = root;
  for (const step of path.slice(0, -1)) {
    const child = containerChild(parent, step as PathStep);
    if (child === undefined) return 'changes a setting that does not exist';
    parent = child;
  }
  const last = path[path.length - 1] as PathStep;
  const removing = !Object.hasOwn(change, 'value');
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length || removing) return 'changes a list item that does not exist';
    parent[last] = change.value;
    return undefined;
  }
  if (!isPlain(parent) || typeof last !== 'string') return 'changes a setting that does not exist';
  if (removing) delete parent[last];
  else Object.defineProperty(parent, last, { value: change.value, enumerable: true, writable: true, configurable: true });
  return undefined;
}

function containerChild(parent: unknown, step: PathStep): unknown {
  if (Array.isArray(parent)) return typeof step === 'number' && step < parent.length ? (parent[step] as unknown) : undefined;
  if (isPlain(parent) && typeof step === 'string' && Object.hasOwn(parent, step)) {
    const child = parent[step];
    return typeof child === 'object' && child !== null ? child : undefined;
  }
  return undefined;
}
