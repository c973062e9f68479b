/**
 * Validation of untrusted scenario input (a URL, a file, a script): the shape by the schema, then the
 * cross-field rules, with one message per problem in the form `regions[2].lat: must be between -90 and 90`.
 */
import type * as z from 'zod';
import { SCENARIO_VERSION, ScenarioSchema, type Scenario } from './schema.ts';
import { checkScenarioRules, quote, type ScenarioIssue } from './rules.ts';

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** `regions[2].lat` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Plain-language messages for zod's generic issues; the schema's own messages are kept as they are. */
function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return undefined;
  }
}

function article(type: string): string {
  if (type === 'int') return 'a whole number';
  if (type === 'array' || type === 'object') return `an ${type}`;
  return `a ${type}`;
}

/** Validates `input` and fills in defaults. Never throws. */
export function parseScenario(input: unknown): ParseResult {
  const version = typeof input === 'object' && input !== null ? (input as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    const message = `was made by a newer Meridian (scenario version ${version}); this one reads version ${SCENARIO_VERSION}`;
    return { ok: false, issues: [{ path: 'version', message }] };
  }
  const shape = ScenarioSchema.safeParse(input, { error: messageFor });
  if (!shape.success) {
    return {
      ok: false,
      issues: shape.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const issues = checkScenarioRules(shape.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: shape.data };
}

/** One line per issue: `regions[2].lat: must be between -90 and 90`. */
export function formatIssues(issues: readonly ScenarioIssue[]): string[] {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
}
