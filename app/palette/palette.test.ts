import { describe, expect, it } from 'vitest';
import { catalogRegions, type CatalogRegion } from '../../engine/geo/catalog.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import citiesJson from '../../engine/geo/data/cities.json' with { type: 'json' };
import { createAppStore } from '../store/index.ts';
import { search } from './search.ts';
import { readPayload, writePayload, type PalettePayload } from './dragPayload.ts';
import { addEntry } from './addEntry.ts';
import { nearestCity, type City } from './cities.ts';

const regionFields = (r: CatalogRegion) => [r.provider, r.code, r.city, r.country];
const cities = citiesJson as City[];

function store() {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('default scenario is invalid');
  return createAppStore(parsed.scenario);
}

describe('searching the palette', () => {
  it('finds catalogue regions by provider, code and city, every word having to match', () => {
    const frankfurt = search(catalogRegions, 'aws frankfurt', regionFields);
    expect(frankfurt.map((r) => r.id)).toEqual(['aws:eu-central-1']);
    expect(search(catalogRegions, 'gcp sydney', regionFields).map((r) => r.id)).toEqual(['gcp:australia-southeast1']);
    expect(search(catalogRegions, 'eu-west-1', regionFields)[0]?.id).toBe('aws:eu-west-1');
    const azure = search(catalogRegions, 'azure', regionFields);
    expect(azure.length).toBeGreaterThan(40);
    expect(azure.every((r) => r.provider === 'azure')).toBe(true);
    expect(search(catalogRegions, 'atlantis', regionFields)).toEqual([]);
    expect(search(catalogRegions, '  ', regionFields)).toHaveLength(catalogRegions.length);
  });

  it('ranks exact and prefix matches first and ignores accents and case', () => {
    const found = search(cities, 'SAO', (c) => [c.name, c.country], 5);
    expect(found[0]?.name).toMatch(/^São Paulo|^Sao Paulo/);
    expect(search(cities, 'lagos', (c) => [c.name])[0]?.id).toBe('lagos');
  });
});

describe('drag payloads', () => {
  it('round-trip, and anything else dropped on the map is refused', () => {
    const payloads: PalettePayload[] = [
      { kind: 'catalog-region', catalog: 'aws:eu-west-1' },
      { kind: 'custom-region' },
      { kind: 'custom-users' },
      { kind: 'routing', policy: 'anycast' },
      { kind: 'city', city: { id: 'lagos', name: 'Lagos', lat: 6.45, lon: 3.39, jurisdiction: 'NG' } },
    ];
    for (const p of payloads) expect(readPayload(writePayload(p))).toEqual(p);
    expect(readPayload('<img src=x onerror=alert(1)>')).toBeUndefined();
    expect(readPayload('{"kind":"routing","policy":"carrier-pigeon"}')).toBeUndefined();
    expect(readPayload('{"kind":"city","city":{"id":"x","name":"X","lat":"1","lon":2,"jurisdiction":"XX"}}')).toBeUndefined();
    expect(readPayload('{"kind":"catalog-region","catalog":' + JSON.stringify('a'.repeat(100)) + '}')).toBeUndefined();
    expect(readPayload('null')).toBeUndefined();
  });
});

describe('adding from the palette', () => {
  it('adds a catalogue region at its real place and selects it', () => {
    const s = store();
    addEntry(s.getState(), { kind: 'catalog-region', catalog: 'gcp:europe-west3' });
    const added = s.getState().scenario.regions.at(-1);
    expect(added).toMatchObject({ id: 'europe-west3', catalog: 'gcp:europe-west3' });
    expect(s.getState().selection).toEqual(['region:europe-west3']);
  });

  it('adds custom points where dropped, and says so when dropped off the globe', () => {
    const s = store();
    addEntry(s.getState(), { kind: 'custom-users' }, { lat: -1.29, lon: 36.82 }, 'KE');
    expect(s.getState().scenario.users.at(-1)).toMatchObject({ lat: -1.29, lon: 36.82, jurisdiction: 'KE', qps: 100 });
    const before = s.getState().scenario;
    addEntry(s.getState(), { kind: 'custom-region' }, undefined);
    expect(s.getState().scenario).toBe(before);
    expect(s.getState().notices.at(-1)?.text).toContain('off the map');
  });

  it('an unknown catalogue id is a message, not an edit', () => {
    const s = store();
    const before = s.getState().scenario;
    addEntry(s.getState(), { kind: 'catalog-region', catalog: 'aws:moon-1' });
    expect(s.getState().scenario).toBe(before);
    expect(s.getState().notices).toHaveLength(1);
  });

  it('chooses the routing layer and selects it for the inspector', () => {
    const s = store();
    addEntry(s.getState(), { kind: 'routing', policy: 'global-lb' });
    expect(s.getState().scenario.routing.policy).toBe('global-lb');
    expect(s.getState().selection).toEqual(['routing']);
    expect(s.getState().past).toHaveLength(1);
  });
});

describe('the nearest city', () => {
  it('gives a dropped point its likely jurisdiction, or nothing far from any city', () => {
    expect(nearestCity(cities, { lat: 50.1, lon: 8.6 })?.jurisdiction).toBe('EU'); // Frankfurt
    expect(nearestCity(cities, { lat: 23.6, lon: -102.5 })?.jurisdiction).toBe('MX');
    expect(nearestCity(cities, { lat: -48, lon: -123 })).toBeUndefined(); // Point Nemo-ish
  });
});
