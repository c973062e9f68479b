/**
 * The smallest input that parses back to the same scenario: every setting whose value is its default is left
 * out (the parser fills it in again). Shared links and files stay short: a 10-region scenario fits a link of
 * well under 2 KB. Which settings are defaults is found by the schema itself: a setting is dropped only when
 * parsing without it gives back exactly the same object, so no default is written down twice.
 *
 * A link then depends on the defaults of its version: changing a default needs a new link version, whose
 * migration writes the old default into old links (see url.ts).
 */
import { parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => deepEqual(item, (b as unknown[])[i]));
  const ka = Object.keys(a as Plain);
  const kb = Object.keys(b as Plain);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as Plain, k) && deepEqual((a as Plain)[k], (b as Plain)[k]));
}

/** `value` without the keys whose absence `rebuild` (the parse of a candidate) fills back to the same object; `keep` names keys never dropped. */
function withoutDefaults(value: Plain, rebuild: (candidate: Plain) => unknown, keep: ReadonlySet<string> = new Set()): Plain {
  const target = rebuild(value);
  if (target === undefined) return value;
  let current: Plain = { ...value };
  for (const key of Object.keys(value)) {
    if (keep.has(key)) continue;
    const { [key]: removed, ...without } = current;
    if (deepEqual(rebuild(without), target)) {
      current = without;
      continue;
    }
    if (isPlain(removed)) {
      const nested = withoutDefaults(removed, (candidate) => {
        const parsed = rebuild({ ...current, [key]: candidate });
        return isPlain(parsed) ? parsed[key] : undefined;
      });
      current = { ...current, [key]: nested };
    }
  }
  return current;
}

const parsedOrUndefined = (input: unknown): Scenario | undefined => {
  const parsed = parseScenario(input);
  return parsed.ok ? parsed.scenario : undefined;
};

const ANCHOR = { id: 'anchor', lat: 0, lon: 0 };

/**
 * Compacting parses once per setting, so results are remembered by input: an edit changes one item, and the
 * next link reuses the rest (the app rewrites the link after every edit).
 */
const memo = new Map<string, Plain>();
const MEMO_CAP = 4000;

function remembered(key: string, compute: () => Plain): Plain {
  const known = memo.get(key);
  if (known) return known;
  const value = compute();
  if (memo.size >= MEMO_CAP) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}

/** The scenario with every default-valued setting left out; parsing it gives back `scenario`. */
export function compactScenario(scenario: Scenario): Plain {
  const regions = scenario.regions.map((region) =>
    remembered(`r${JSON.stringify(region)}`, () => withoutDefaults(region as unknown as Plain, (candidate) => parsedOrUndefined({ version: 1, regions: [candidate] })?.regions[0], new Set(['id']))),
  );
  const users = scenario.users.map((user) =>
    remembered(`u${JSON.stringify(user)}`, () => withoutDefaults(user as unknown as Plain, (candidate) => parsedOrUndefined({ version: 1, regions: [ANCHOR], users: [candidate] })?.users[0], new Set(['id']))),
  );
  // Faults refer to regions and must fall within the run.
  const refs = scenario.regions.map((r) => ({ id: r.id, lat: 0, lon: 0 }));
  const refsKey = JSON.stringify([scenario.durationS, refs.map((r) => r.id)]);
  const faults = scenario.faults.map((fault) =>
    remembered(`f${refsKey}${JSON.stringify(fault)}`, () => withoutDefaults(fault as unknown as Plain, (candidate) => parsedOrUndefined({ version: 1, durationS: scenario.durationS, regions: refs, faults: [candidate] })?.faults[0], new Set(['kind', 'atS']))),
  );
  const datasets = scenario.data.datasets.map((dataset) =>
    remembered(`d${JSON.stringify(dataset)}`, () => withoutDefaults(dataset as unknown as Plain, (candidate) => parsedOrUndefined({ version: 1, regions: [ANCHOR], data: { datasets: [candidate] } })?.data.datasets[0], new Set(['id']))),
  );
  // The rest, compared without the lists. Defaults do not depend on the lists, so a light stand-in (region ids,
  // no users) keeps this fast; where a rule would need the real lists the parse fails and the setting is kept.
  const standIn = { regions: refs, users: [], faults };
  const rest = ({ regions: _r, users: _u, faults: _f, ...others }: Plain) => others;
  const settings = rest({ ...(scenario as unknown as Plain), data: { ...scenario.data, datasets } });
  const top = remembered(`t${refsKey}${JSON.stringify(faults)}${JSON.stringify(settings)}`, () => withoutDefaults(
    settings,
    (candidate) => {
      const parsed = parsedOrUndefined({ ...candidate, ...standIn });
      return parsed ? rest(parsed as unknown as Plain) : undefined;
    },
    new Set(['version']),
  ));
  const compact: Plain = { ...top, regions, users, faults };
  if (users.length === 0) delete compact.users;
  if (faults.length === 0) delete compact.faults;
  return compact;
}
