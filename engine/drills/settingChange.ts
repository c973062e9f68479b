/**
 * Changing one setting of a scenario by path (`data.replication`, `regions.us-west.capacityQps`), for drills.
 * Only settings that exist can be changed (defaults are filled in, so every setting exists), lists are addressed
 * by item id, and names that reach into prototypes are refused. The caller validates the result.
 */
import type { Scenario } from '../scenario/schema.ts';

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function changeSetting(scenario: Scenario, path: string, value: string | number | boolean): { ok: true; scenario: unknown } | { ok: false; error: string } {
  const segments = path.split('.');
  if (segments.some((s) => FORBIDDEN.has(s))) return { ok: false, error: `${path}: no such setting` };
  const copy: unknown = JSON.parse(JSON.stringify(scenario)); // a scenario is plain JSON
  let node: unknown = copy;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    if (Array.isArray(node)) node = node.find((item: unknown) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === segment);
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else node = undefined;
    if (typeof node !== 'object' || node === null) return { ok: false, error: `${path}: no such setting` };
  }
  const last = segments[segments.length - 1] as string;
  if (Array.isArray(node) || !Object.hasOwn(node as object, last)) return { ok: false, error: `${path}: no such setting` };
  const current = (node as Record<string, unknown>)[last];
  if (typeof current === 'object' && current !== null) return { ok: false, error: `${path}: is a group of settings, not one` };
  (node as Record<string, unknown>)[last] = value;
  return { ok: true, scenario: copy };
}
