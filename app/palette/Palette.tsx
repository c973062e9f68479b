import { useContext, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { catalogRegions, type CatalogRegion } from '../../engine/index.ts';
import { latitude, longitude } from '../../engine/index.ts';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { addFromPalette } from './addEntry.ts';
import { loadCities, type City } from './cities.ts';
import type { LatLon } from '../../engine/index.ts';
import type { PalettePayload } from './dragPayload.ts';
import { PaletteItem, PaletteList } from './PaletteItem.tsx';
import { ROUTING_POLICIES } from './routingPolicies.ts';
import { search } from './search.ts';

type Tab = 'regions' | 'cities' | 'custom' | 'routing';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'regions', label: 'Regions' },
  { id: 'cities', label: 'Users' },
  { id: 'custom', label: 'Custom' },
  { id: 'routing', label: 'Routing' },
];

const PROVIDER_NAMES: Record<string, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure', ibm: 'IBM Cloud' };
const regionFields = (r: CatalogRegion): string[] => [r.provider, PROVIDER_NAMES[r.provider] ?? '', r.code, r.city, r.country, r.jurisdiction];
const cityFields = (c: City): string[] => [c.name, c.country, c.jurisdiction];
const CITY_LIMIT = 60;

const selectPolicy = (s: AppState) => s.scenario.routing.policy;

/** Adds payloads through the store (stable across renders). */
function useAdd(): (payload: PalettePayload, place?: LatLon) => void {
  const store = useContext(StoreContext);
  return useMemo(() => (payload: PalettePayload, place?: LatLon) => store && addFromPalette(store.getState, payload, place), [store]);
}

/** Enter in the search box adds the best match, as in a command palette. */
function addFirstOnEnter(event: KeyboardEvent<HTMLInputElement>, add: () => void): void {
  if (event.key === 'Enter') {
    event.preventDefault();
    add();
  } else if (event.key === 'ArrowDown') {
    const first = event.currentTarget.closest('.palette__panel')?.querySelector<HTMLElement>('.palette__item');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** A list's search text, kept by the palette so it survives a switch of tab. */
interface QueryProps {
  readonly query: string;
  readonly setQuery: (query: string) => void;
}

function RegionList({ query, setQuery }: QueryProps) {
  const add = useAdd();
  const found = useMemo(() => search(catalogRegions, query, regionFields), [query]);
  // The catalogue stays behind its search box until asked for, so the map and the run lead the first screen.
  const [browsing, setBrowsing] = useState(false);
  const listed = browsing || query.trim() !== '';
  const payload = (r: CatalogRegion): PalettePayload => ({ kind: 'catalog-region', catalog: r.id });
  return (
    <>
      <input
        type="search"
        className="palette__search"
        placeholder="Search provider, code, city"
        aria-label="Search cloud regions"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => addFirstOnEnter(e, () => found[0] && add(payload(found[0])))}
      />
      <p className="palette__count" aria-live="polite">
        {listed ? `${found.length} of ${catalogRegions.length} regions` : `${catalogRegions.length} regions of AWS, Google Cloud, Azure and IBM: type to search, or `}
        {listed ? null : (
          <button type="button" className="palette__browse" onClick={() => setBrowsing(true)} data-testid="palette-browse-regions">
            browse them all
          </button>
        )}
      </p>
      <PaletteList label="Cloud regions">
        {(listed ? found : []).map((r) => (
          <PaletteItem key={r.id} payload={payload(r)} onAdd={() => add(payload(r))} label={`Add region ${r.id} (${r.city})`} testId={`palette-region-${r.id}`}>
            <span className={`palette__provider palette__provider--${r.provider}`}>{r.provider}</span>
            <span className="palette__main">{r.code}</span>
            <span className="palette__sub">{r.city}, {r.country}</span>
          </PaletteItem>
        ))}
      </PaletteList>
    </>
  );
}

function CityList({ query, setQuery }: QueryProps) {
  const add = useAdd();
  const [cities, setCities] = useState<readonly City[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCities().then(
      (loaded) => live && setCities(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const found = useMemo(() => (cities ? search(cities, query, cityFields, CITY_LIMIT) : []), [cities, query]);
  const payload = (c: City): PalettePayload => ({
    kind: 'city',
    city: { id: c.id, name: c.name, lat: c.lat, lon: c.lon, jurisdiction: c.jurisdiction },
  });
  return (
    <>
      <input
        type="search"
        className="palette__search"
        placeholder="Search city or country"
        aria-label="Search cities"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => addFirstOnEnter(e, () => found[0] && add(payload(found[0])))}
      />
      <p className="palette__count" aria-live="polite">
        {failed ? 'The city list could not be loaded.' : cities ? `${found.length < CITY_LIMIT ? found.length : `First ${CITY_LIMIT}`} of ${cities.length} cities` : 'Loading cities...'}
      </p>
      <PaletteList label="Cities">
        {found.map((c) => (
          <PaletteItem key={c.id} payload={payload(c)} onAdd={() => add(payload(c))} label={`Add users in ${c.name}`} testId={`palette-city-${c.id}`}>
            <span className="palette__main">{c.name}</span>
            <span className="palette__sub">
              {c.country}
              {c.jurisdiction !== c.country ? ` (${c.jurisdiction})` : ''}
            </span>
          </PaletteItem>
        ))}
      </PaletteList>
    </>
  );
}

/** Latitude and longitude typed in, checked by the scenario schema's own rules. */
function CoordinateForm({ kind, latInputId }: { kind: 'custom-region' | 'custom-users'; latInputId: string }) {
  const add = useAdd();
  const id = useId();
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [tried, setTried] = useState(false);
  const check = (text: string, schema: typeof latitude) => {
    if (text.trim() === '') return 'is required';
    const result = schema.safeParse(Number(text));
    return result.success ? undefined : (result.error.issues[0]?.message ?? 'is not valid');
  };
  const latError = tried ? check(lat, latitude) : undefined;
  const lonError = tried ? check(lon, longitude) : undefined;
  const what = kind === 'custom-region' ? 'region' : 'users';
  return (
    <form
      className="palette__coords"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (check(lat, latitude) === undefined && check(lon, longitude) === undefined) add({ kind }, { lat: Number(lat), lon: Number(lon) });
      }}
    >
      <label>
        Lat
        <input id={latInputId} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} aria-invalid={latError ? true : undefined} aria-describedby={latError ? `${id}-lat` : undefined} />
      </label>
      <label>
        Lon
        <input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} aria-invalid={lonError ? true : undefined} aria-describedby={lonError ? `${id}-lon` : undefined} />
      </label>
      <button type="submit">Add {what}</button>
      {latError && <p id={`${id}-lat`} className="palette__error">Latitude {latError}</p>}
      {lonError && <p id={`${id}-lon`} className="palette__error">Longitude {lonError}</p>}
    </form>
  );
}

/** Custom points: drag one onto the map, or press it (Enter) to type its coordinates. */
function CustomEntries() {
  const id = useId();
  const focus = (which: string) => document.getElementById(`${id}-${which}`)?.focus();
  return (
    <>
      <p className="palette__help">Drag onto the map to place at the pointer, or type coordinates.</p>
      <PaletteList label="Custom regions">
        <PaletteItem payload={{ kind: 'custom-region' }} onAdd={() => focus('region')} label="Custom region: drag onto the map, or press to type coordinates" title="Custom region: drag onto the map, or press to type coordinates" testId="palette-custom-region">
          <span className="palette__provider">custom</span>
          <span className="palette__main">Region anywhere</span>
        </PaletteItem>
      </PaletteList>
      <CoordinateForm kind="custom-region" latInputId={`${id}-region`} />
      <PaletteList label="Custom users">
        <PaletteItem payload={{ kind: 'custom-users' }} onAdd={() => focus('users')} label="Users anywhere: drag onto the map, or press to type coordinates" title="Users anywhere: drag onto the map, or press to type coordinates" testId="palette-custom-users">
          <span className="palette__provider">users</span>
          <span className="palette__main">Users anywhere</span>
        </PaletteItem>
      </PaletteList>
      <CoordinateForm kind="custom-users" latInputId={`${id}-users`} />
    </>
  );
}

function RoutingEntries() {
  const add = useAdd();
  const policy = useApp(selectPolicy);
  return (
    <>
      <p className="palette__help">One routing layer sits between all users and regions. Choose it, then set it up in the inspector.</p>
      <PaletteList label="Routing layers">
        {ROUTING_POLICIES.map((p) => (
          <PaletteItem
            key={p.policy}
            payload={{ kind: 'routing', policy: p.policy }}
            onAdd={() => add({ kind: 'routing', policy: p.policy })}
            label={`Routing: ${p.label}`}
            testId={`palette-routing-${p.policy}`}
            pressed={policy === p.policy}
          >
            <span className="palette__main">{p.label}</span>
            <span className="palette__sub">{p.hint}</span>
          </PaletteItem>
        ))}
      </PaletteList>
    </>
  );
}

/** What can be put on the map: cloud regions, user populations, custom points, the routing layer. */
export function Palette() {
  const [tab, setTab] = useState<Tab>('regions');
  const [regionQuery, setRegionQuery] = useState('');
  const [cityQuery, setCityQuery] = useState('');
  const id = useId();
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    document.getElementById(`${id}-tab-${next.id}`)?.focus();
  };
  return (
    <section className="palette" aria-label="Palette">
      <h2 className="palette__title">Add to the map</h2>
      <div className="palette__tabs" role="tablist" aria-label="What to add" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${id}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="palette__tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="palette__panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === 'regions' && <RegionList query={regionQuery} setQuery={setRegionQuery} />}
        {tab === 'cities' && <CityList query={cityQuery} setQuery={setCityQuery} />}
        {tab === 'custom' && <CustomEntries />}
        {tab === 'routing' && <RoutingEntries />}
      </div>
      <details className="palette__keys">
        <summary>Keyboard</summary>
        <dl>
          <dt>Enter</dt>
          <dd>add the entry (or the best match of a search)</dd>
          <dt>Shift+click, Shift+drag</dt>
          <dd>select several; Ctrl/Cmd+A all, Esc none</dd>
          <dt>Arrows</dt>
          <dd>move the selected node</dd>
          <dt>Delete, Backspace</dt>
          <dd>delete the selection</dd>
          <dt>Ctrl/Cmd+D, C, X, V</dt>
          <dd>duplicate, copy, cut, paste</dd>
          <dt>Ctrl/Cmd+Z, Shift+Z, Ctrl+Y</dt>
          <dd>undo, redo</dd>
        </dl>
      </details>
    </section>
  );
}
