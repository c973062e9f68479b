/**
 * The inspector's fields as pure functions over the scenario schema: what the schema says about a field (its
 * description, its choices), what a typed draft means, and whether the scenario with it is valid, with the
 * schema's own message for the field when it is not.
 */
import { ScenarioSchema, type Scenario } from '../../engine/index.ts';
import { formatPath, parseScenario } from '../../engine/index.ts';
import { getIn, setIn, type FieldPath } from '../store/scenarioEdits.ts';

export type FieldKind = 'number' | 'text' | 'choice' | 'boolean';

/** A zod schema seen through its wrappers, as far as the inspector needs it. */
interface SchemaNode {
  readonly def: { readonly type: string; readonly innerType?: SchemaNode; readonly element?: SchemaNode; readonly shape?: Record<string, SchemaNode> };
  readonly description?: string;
  readonly options?: readonly string[];
  readonly shape?: Record<string, SchemaNode>;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch']);

/** The schema of the field at `path` (array indices step into the element), or undefined. */
export function schemaAt(path: FieldPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = ScenarioSchema as unknown as SchemaNode;
  let description = node.description;
  for (const key of path) {
    while (node && WRAPPERS.has(node.def.type) && node.def.innerType) node = node.def.innerType;
    if (!node) return undefined;
    if (typeof key === 'number') node = node.def.type === 'array' ? node.def.element : undefined;
    else node = node.shape?.[key] ?? node.def.shape?.[key];
    description = node?.description;
  }
  if (!node) return undefined;
  // The description sits on the outermost wrapper (`.default(x).describe(...)`), the options on the enum inside.
  let inner: SchemaNode = node;
  while (WRAPPERS.has(inner.def.type) && inner.def.innerType) {
    inner = inner.def.innerType;
    description ??= inner.description;
  }
  return { ...inner, def: inner.def, description, options: inner.options, shape: inner.shape };
}

/** The schema's description of a field, for its hint. */
export function describeField(path: FieldPath): string | undefined {
  return schemaAt(path)?.description;
}

/** The choices an enum field allows, in the schema's order. */
export function choicesAt(path: FieldPath): readonly string[] {
  return schemaAt(path)?.options ?? [];
}

/** What a typed draft means: a value (undefined clears an optional field), or a message. */
export function draftValue(kind: FieldKind, draft: string | boolean, optional: boolean): { ok: true; value: unknown } | { ok: false; message: string } {
  if (kind === 'boolean') return { ok: true, value: Boolean(draft) };
  const text = String(draft);
  if (text.trim() === '') return optional ? { ok: true, value: undefined } : { ok: false, message: 'is required' };
  if (kind === 'number') {
    const value = Number(text.trim().replace(/_/g, ''));
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'must be a number' };
  }
  return { ok: true, value: kind === 'text' ? text : text.trim() };
}

/** The text a field shows for a value. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

export type EditCheck = { ok: true; candidate: Scenario } | { ok: false; message: string };

/**
 * The scenario with `value` at `path`, checked by the schema and its cross-field rules. When invalid, the
 * message is the schema's message for this field if it has one, else the first problem with its path.
 */
export function checkEdit(
  scenario: Scenario,
  path: FieldPath,
  value: unknown,
  build: (scenario: Scenario, value: unknown) => unknown = (s, v) => setIn(s, path, v),
): EditCheck {
  const candidate = build(scenario, value);
  const parsed = parseScenario(candidate);
  if (parsed.ok) return { ok: true, candidate: parsed.scenario };
  const here = formatPath(path);
  const own = parsed.issues.find((i) => i.path === here) ?? parsed.issues.find((i) => i.path.startsWith(`${here}.`) || i.path.startsWith(`${here}[`));
  if (own) return { ok: false, message: own.message };
  const first = parsed.issues[0];
  return { ok: false, message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'is not valid' };
}

export { getIn, setIn, type FieldPath };
