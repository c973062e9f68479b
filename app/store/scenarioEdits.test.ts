import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { findCatalogRegion } from '../../engine/geo/catalog.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { addRegion, addUser, copyNodes, deleteNodes, duplicateNodes, getIn, idStem, moveNodes, pasteNodes, renameNode, setIn, uniqueId } from './scenarioEdits.ts';
import { describeChange } from './describeChange.ts';
import { setRegionPlacement } from '../inspector/regionPlacement.ts';

function scenario(overrides: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({ ...defaultScenario, ...overrides });
  if (!parsed.ok) throw new Error(`test scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

function valid(s: Scenario): Scenario {
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`edit made an invalid scenario: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

const catalog = (id: string) => {
  const entry = findCatalogRegion(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return entry;
};

describe('ids', () => {
  it('turns any text into an id the schema accepts', () => {
    expect(idStem('São Paulo')).toBe('sao-paulo');
    expect(idStem('  --Hello World!! ')).toBe('hello-world');
    expect(idStem('東京')).toBe('node');
    expect(idStem('x'.repeat(60))).toHaveLength(34);
  });

  it('adds -2, -3 ... until the id is free', () => {
    expect(uniqueId('eu-west', new Set())).toBe('eu-west');
    expect(uniqueId('eu-west', new Set(['eu-west']))).toBe('eu-west-2');
    expect(uniqueId('eu-west', new Set(['eu-west', 'eu-west-2']))).toBe('eu-west-3');
    expect(uniqueId('y'.repeat(60), new Set(['y'.repeat(34)]))).toMatch(/^y{34}-2$/);
  });
});

describe('adding', () => {
  it('adds a catalogue region by its code, at its real place, and a second copy under a provider-qualified id', () => {
    const once = addRegion(scenario(), { catalog: catalog('aws:eu-central-1') });
    expect(once.ref).toEqual({ kind: 'region', id: 'eu-central-1' });
    const s1 = valid(once.scenario);
    expect(s1.regions.at(-1)).toMatchObject({ id: 'eu-central-1', catalog: 'aws:eu-central-1' });
    expect(s1.regions.at(-1)?.lat).toBeUndefined();
    const twice = addRegion(s1, { catalog: catalog('aws:eu-central-1') });
    expect(twice.ref.id).toBe('aws-eu-central-1');
    const thrice = addRegion(valid(twice.scenario), { catalog: catalog('aws:eu-central-1') });
    expect(thrice.ref.id).toBe('aws-eu-central-1-2');
    expect(valid(thrice.scenario).regions).toHaveLength(6);
  });

  it('adds a custom region at the given point with a unique id', () => {
    const a = addRegion(scenario(), { lat: 10, lon: 20 });
    const b = addRegion(valid(a.scenario), { lat: -10, lon: -20, jurisdiction: 'BR' });
    expect([a.ref.id, b.ref.id]).toEqual(['custom', 'custom-2']);
    expect(valid(b.scenario).regions.at(-1)).toMatchObject({ id: 'custom-2', lat: -10, lon: -20, jurisdiction: 'BR', name: 'Custom region' });
  });

  it('adds a city population with its jurisdiction, and never reuses an id', () => {
    const first = addUser(scenario(), { idHint: 'berlin', name: 'Berlin', lat: 52.5, lon: 13.4, jurisdiction: 'EU' });
    expect(first.ref.id).toBe('berlin-2');
    const s = valid(first.scenario);
    expect(s.users.at(-1)).toMatchObject({ id: 'berlin-2', name: 'Berlin', qps: 100, jurisdiction: 'EU' });
    expect(new Set(s.users.map((u) => u.id)).size).toBe(s.users.length);
  });
});

describe('deleting', () => {
  it('removes populations and regions and leaves the rest', () => {
    const s = valid(deleteNodes(scenario(), [{ kind: 'user', id: 'berlin' }, { kind: 'region', id: 'eu-west' }]));
    expect(s.users.map((u) => u.id)).toEqual(['new-york', 'sao-paulo', 'tokyo']);
    expect(s.regions.map((r) => r.id)).toEqual(['us-east', 'ap-northeast']);
  });

  it('hands a deleted primary to the first region left and drops the faults that name a deleted region', () => {
    const base = scenario({
      faults: [
        { kind: 'region-down', atS: 10, region: 'us-east' },
        { kind: 'partition', atS: 20, from: 'eu-west', to: 'us-east' },
        { kind: 'link-degrade', atS: 30, from: 'eu-west', to: 'ap-northeast', addedMs: 50 },
      ],
    });
    // Without the fix-ups the schema's rules refuse it: the primary and two faults would point nowhere.
    const naive = { ...base, regions: base.regions.filter((r) => r.id !== 'us-east') };
    expect(parseScenario(naive).ok).toBe(false);
    const s = valid(deleteNodes(base, [{ kind: 'region', id: 'us-east' }]));
    expect(s.data.primary).toBe('eu-west');
    expect(s.faults).toEqual([{ kind: 'link-degrade', atS: 30, from: 'eu-west', to: 'ap-northeast', addedMs: 50, loss: 0 }]);
  });

  it('shrinks a semi-sync quorum to the regions left', () => {
    const base = scenario({ data: { ...defaultScenario.data, replication: 'semi-sync', quorum: 2 } });
    const s = valid(deleteNodes(base, [{ kind: 'region', id: 'ap-northeast' }]));
    expect(s.data.quorum).toBe(1);
  });

  it('cannot delete the last region: the schema refuses a scenario without one', () => {
    const s = deleteNodes(scenario(), ['us-east', 'eu-west', 'ap-northeast'].map((id) => ({ kind: 'region' as const, id })));
    const parsed = parseScenario(s);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toContainEqual({ path: 'regions', message: 'must have at least one region' });
  });
});

describe('duplicating', () => {
  it('copies nodes with fresh ids and names, offset from the original', () => {
    const { scenario: s, refs } = duplicateNodes(scenario(), [
      { kind: 'user', id: 'berlin' },
      { kind: 'region', id: 'eu-west' },
      { kind: 'user', id: 'missing' },
    ]);
    const out = valid(s);
    expect(refs).toEqual([
      { kind: 'region', id: 'eu-west-copy' },
      { kind: 'user', id: 'berlin-copy' },
    ]);
    expect(out.users.at(-1)).toMatchObject({ id: 'berlin-copy', name: 'Berlin (copy)', qps: 300, lat: 50.52, lon: 16.4 });
    // A catalogue region copied off its place becomes custom, keeping its jurisdiction.
    const copy = out.regions.at(-1);
    expect(copy).toMatchObject({ id: 'eu-west-copy', name: 'Dublin (copy)', jurisdiction: 'EU' });
    expect(copy?.catalog).toBeUndefined();
    const again = duplicateNodes(out, [{ kind: 'user', id: 'berlin' }]);
    expect(again.refs[0]?.id).toBe('berlin-copy-2');
  });
});

describe('moving several nodes', () => {
  it('moves each to its place in one edit', () => {
    const s = valid(
      moveNodes(scenario(), [
        { kind: 'user', id: 'berlin', place: { lat: 1, lon: 2 } },
        { kind: 'user', id: 'tokyo', place: { lat: 3, lon: 4 } },
      ]),
    );
    expect(s.users.find((u) => u.id === 'berlin')).toMatchObject({ lat: 1, lon: 2 });
    expect(s.users.find((u) => u.id === 'tokyo')).toMatchObject({ lat: 3, lon: 4 });
  });
});

describe('paths', () => {
  it('sets a value deep inside a copy, leaving the original alone', () => {
    const s = scenario();
    const next = setIn(s, ['regions', 1, 'capacityQps'], 900);
    expect(next.regions[1]?.capacityQps).toBe(900);
    expect(s.regions[1]?.capacityQps).toBe(1500);
    expect(next.regions[0]).toBe(s.regions[0]);
    expect(next.users).toBe(s.users);
    expect(getIn(next, ['regions', 1, 'capacityQps'])).toBe(900);
    expect(getIn(next, ['regions', 9, 'capacityQps'])).toBeUndefined();
  });

  it('removes the key when the value is undefined, so an optional field takes its default', () => {
    const next = setIn(scenario(), ['data', 'primary'], undefined);
    expect('primary' in next.data).toBe(false);
    expect(valid(next).data.primary).toBeUndefined();
  });
});

describe('placing a region', () => {
  it('snaps a custom region onto a catalogue entry and makes a catalogue region custom where it is', () => {
    const moved = valid(moveNodes(scenario(), [{ kind: 'region', id: 'eu-west', place: { lat: 48.85, lon: 2.35 } }]));
    expect(moved.regions[1]).toMatchObject({ name: 'Dublin (moved)', lat: 48.85 });
    const snapped = valid(setRegionPlacement(moved, 'eu-west', 'aws:eu-west-3'));
    expect(snapped.regions[1]).toMatchObject({ id: 'eu-west', catalog: 'aws:eu-west-3' });
    expect(snapped.regions[1]?.lat).toBeUndefined();
    expect(snapped.regions[1]?.name).toBeUndefined();
    const custom = valid(setRegionPlacement(scenario(), 'us-east', undefined));
    expect(custom.regions[0]).toMatchObject({ id: 'us-east', name: 'Ashburn, VA', jurisdiction: 'US', lat: 39.04237, lon: -77.487244 });
    expect(custom.regions[0]?.catalog).toBeUndefined();
  });
});

describe('renaming', () => {
  it('renames a region and what refers to it', () => {
    const base = scenario({ faults: [{ kind: 'partition', atS: 5, from: 'us-east', to: 'eu-west' }, { kind: 'region-down', atS: 9, region: 'us-east' }] });
    const s = valid(renameNode(base, { kind: 'region', id: 'us-east' }, 'virginia'));
    expect(s.regions[0]?.id).toBe('virginia');
    expect(s.data.primary).toBe('virginia');
    expect(s.faults).toMatchObject([{ from: 'virginia', to: 'eu-west' }, { region: 'virginia' }]);
  });

  it('leaves it to the schema to refuse a taken or malformed id', () => {
    const taken = parseScenario(renameNode(scenario(), { kind: 'region', id: 'us-east' }, 'eu-west'));
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.issues).toContainEqual({ path: 'regions[1].id', message: 'duplicate region id "eu-west"' });
    const bad = parseScenario(renameNode(scenario(), { kind: 'user', id: 'berlin' }, 'no spaces'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]?.path).toBe('users[1].id');
  });
});

describe('describing a change', () => {
  it('names what was added, deleted, renamed or changed', () => {
    const s = scenario();
    expect(describeChange(s, valid(addRegion(s, { catalog: catalog('aws:eu-central-1') }).scenario))).toBe('Added region eu-central-1');
    expect(describeChange(s, valid(deleteNodes(s, [{ kind: 'user', id: 'berlin' }, { kind: 'region', id: 'eu-west' }])))).toBe(
      'Deleted region eu-west; Deleted users berlin',
    );
    expect(describeChange(s, valid(renameNode(s, { kind: 'region', id: 'us-east' }, 'virginia')))).toBe('Renamed region us-east to virginia');
    expect(describeChange(s, valid(moveNodes(s, [{ kind: 'user', id: 'tokyo', place: { lat: 1, lon: 1 } }])))).toBe('Changed users tokyo');
    expect(describeChange(s, valid(setIn(s, ['routing', 'dnsTtlS'], 5)))).toBe('Changed routing');
    expect(describeChange(s, s)).toBe('No change');
  });
});

describe('copy, cut and paste', () => {
  it('pastes a cut node back as it was, and a copied one beside its original', () => {
    const s = scenario();
    const clip = copyNodes(s, [{ kind: 'region', id: 'eu-west' }, { kind: 'user', id: 'tokyo' }]);
    expect(clip.regions.map((r) => r.id)).toEqual(['eu-west']);
    expect(clip.users.map((u) => u.id)).toEqual(['tokyo']);
    // Cut: deleted, then pasted back with the same ids, place and catalogue entry.
    const cut = valid(deleteNodes(s, [{ kind: 'region', id: 'eu-west' }, { kind: 'user', id: 'tokyo' }]));
    const back = pasteNodes(cut, clip);
    expect(back.refs).toEqual([{ kind: 'region', id: 'eu-west' }, { kind: 'user', id: 'tokyo' }]);
    const restored = valid(back.scenario);
    expect(restored.regions.at(-1)).toEqual(s.regions[1]);
    expect(restored.users.at(-1)).toEqual(s.users[3]);
    // Copy: the originals are there, so the paste is a copy beside them; pasting twice makes two copies.
    const once = pasteNodes(s, clip);
    const twice = pasteNodes(valid(once.scenario), clip);
    expect(twice.refs.map((r) => r.id)).toEqual(['eu-west-copy-2', 'tokyo-copy-2']);
    expect(valid(twice.scenario).users.at(-1)).toMatchObject({ name: 'Tokyo (copy)' });
  });
});
