import { useContext, useEffect } from 'react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { catalogRegions, findCatalogRegion } from '../../engine/index.ts';
import { regionPlace } from '../../engine/index.ts';
import { renameNode, setIn, type NodeRef } from '../store/scenarioEdits.ts';
import { setRegionPlacement } from './regionPlacement.ts';
import { Field } from './Field.tsx';
import { roleSentence } from '../canvas/regionRole.ts';
import { useRegionRole, useSplitBrain } from '../canvas/useRegionRoles.ts';

const selectScenario = (s: AppState) => s.scenario;

/** Duplicate and Delete for what is selected (the same as Ctrl/Cmd+D and Delete). */
export function NodeActions({ refs }: { refs: readonly NodeRef[] }) {
  const store = useContext(StoreContext);
  return (
    <div className="inspector__row">
      <button type="button" onClick={() => store?.getState().nodesDuplicated(refs)} title="Ctrl/Cmd+D">
        Duplicate
      </button>
      <button type="button" onClick={() => store?.getState().nodesDeleted(refs)} title="Delete or Backspace">
        Delete
      </button>
    </div>
  );
}

const PROVIDERS = ['aws', 'gcp', 'azure', 'ibm'] as const;

const REGION_SHARED = [
  ['capacityQps', 'Capacity', 'req/s'],
  ['readServiceMs', 'Read service', 'ms'],
  ['writeServiceMs', 'Write service', 'ms'],
  ['weight', 'LB weight', undefined],
  ['clockSkewMs', 'Clock skew', 'ms'],
] as const;
const USER_SHARED = [
  ['qps', 'Load', 'req/s'],
  ['writeRatio', 'Write share', '0-1'],
  ['lastMileMs', 'Last mile', 'ms'],
] as const;

/** Several regions (or several populations) selected: their common settings, edited together as one step. */
export function SharedFields({ refs }: { refs: readonly NodeRef[] }) {
  const scenario = useApp(selectScenario);
  const kind = refs[0]?.kind;
  if (!kind || refs.some((r) => r.kind !== kind)) return <p className="inspector__note">Select only regions or only users to edit them together.</p>;
  const list = kind === 'region' ? scenario.regions : scenario.users;
  const key = kind === 'region' ? 'regions' : 'users';
  const indices = refs.map((r) => list.findIndex((n) => n.id === r.id)).filter((i) => i >= 0);
  const [head, ...rest] = indices;
  if (head === undefined) return null;
  const fields = kind === 'region' ? REGION_SHARED : USER_SHARED;
  return (
    <div data-testid="inspector-shared">
      {fields.map(([field, label, unit]) => (
        <Field
          key={field}
          path={[key, head, field]}
          alsoPaths={rest.map((i) => [key, i, field])}
          label={label}
          unit={unit}
          testId={`inspector-shared-${field}`}
        />
      ))}
    </div>
  );
}

/** The node just renamed from the inspector, whose id field takes the focus back when it remounts. */
let focusAfterRename: string | null = null;

/** The id, renamed with what refers to it (faults, the primary); the node stays selected. */
function IdField({ kind, id, index }: { kind: 'region' | 'user'; id: string; index: number }) {
  const store = useContext(StoreContext);
  const scenario = useApp(selectScenario);
  const ref = { kind, id } as const;
  const testId = `inspector-${kind}-id`;
  // The inspector is remounted for the renamed node: the id field keeps the keyboard focus across it.
  useEffect(() => {
    if (focusAfterRename !== `${kind}:${id}`) return;
    focusAfterRename = null;
    document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)?.focus();
  }, [kind, id, testId]);
  const taken = (value: unknown) => {
    const others = kind === 'region' ? scenario.regions : scenario.users;
    return others.some((n) => n.id === value) ? `is taken by another ${kind === 'region' ? 'region' : 'user population'}` : undefined;
  };
  return (
    <Field
      path={[kind === 'region' ? 'regions' : 'users', index, 'id']}
      label="Id"
      kind="text"
      build={(s, value) => renameNode(s, ref, String(value))}
      precheck={taken}
      commit={(value) => {
        focusAfterRename = `${kind}:${String(value)}`;
        store?.getState().nodeRenamed(ref, String(value));
      }}
      testId={testId}
    />
  );
}

export function RegionInspector({ id }: { id: string }) {
  const store = useContext(StoreContext);
  const scenario = useApp(selectScenario);
  const index = scenario.regions.findIndex((r) => r.id === id);
  const region = scenario.regions[index];
  const role = useRegionRole(id);
  const splitBrain = useSplitBrain();
  if (!region) return null;
  const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
  const place = regionPlace(region);
  const at = (field: string) => ['regions', index, field] as const;
  const isPrimary = scenario.data.topology === 'active-passive' && (scenario.data.primary ?? scenario.regions[0]?.id) === region.id;
  const hourlyUsd = region.capacityQps * scenario.cost.usdPerQpsHour;
  const placeTo = (value: string) => {
    const state = store?.getState();
    if (!state) return;
    state.scenarioEdited(setRegionPlacement(state.scenario, region.id, value === '' ? undefined : value), 'That region cannot go there.');
  };

  return (
    <div data-testid={`inspector-region-${region.id}`}>
      <h3 className="inspector__title">Region {region.id}</h3>
      <p className="inspector__note" data-testid="inspector-region-kind">
        {entry
          ? `Catalogue region ${entry.id}: ${entry.city}, ${entry.country}.`
          : `Custom region at ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}${region.name?.endsWith('(moved)') ? ': moved off its catalogue place' : ''}; latency from geography.`}
        <span data-testid="inspector-region-role">{roleSentence(role, splitBrain)}</span>
      </p>
      <IdField kind="region" id={region.id} index={index} />
      <Field path={at('name')} label="Name" kind="text" optional />
      <div className="inspector__field">
        <label htmlFor={`placement-${region.id}`}>Place</label>
        <select id={`placement-${region.id}`} value={region.catalog ?? ''} onChange={(e) => placeTo(e.target.value)} data-testid="inspector-region-placement">
          <option value="">Custom (latitude, longitude)</option>
          {PROVIDERS.map((provider) => (
            <optgroup key={provider} label={provider.toUpperCase()}>
              {catalogRegions
                .filter((r) => r.provider === provider)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.code} ({r.city})
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {!entry && (
        <>
          <Field path={at('lat')} label="Latitude" unit="°" testId="inspector-region-lat" />
          <Field path={at('lon')} label="Longitude" unit="°" testId="inspector-region-lon" />
        </>
      )}
      <Field path={at('jurisdiction')} label="Jurisdiction" kind="text" optional />
      <Field path={at('capacityQps')} label="Capacity" unit="req/s" testId="inspector-region-capacity" />
      <Field path={at('readServiceMs')} label="Read service" unit="ms" />
      <Field path={at('writeServiceMs')} label="Write service" unit="ms" />
      <Field path={at('weight')} label="LB weight" />
      <Field path={at('clockSkewMs')} label="Clock skew" unit="ms" />
      <div className="inspector__field">
        <label htmlFor={`autoscale-${region.id}`}>Autoscale</label>
        <input
          id={`autoscale-${region.id}`}
          type="checkbox"
          checked={region.autoscale !== undefined}
          onChange={(e) => {
            const state = store?.getState();
            if (!state) return;
            const autoscale = e.target.checked ? { maxCapacityQps: region.capacityQps * 2, delayS: 180, targetUtilization: 0.7 } : undefined;
            state.scenarioEdited(setIn(state.scenario, ['regions', index, 'autoscale'], autoscale), 'Autoscaling cannot be set up so.');
          }}
        />
      </div>
      {region.autoscale && (
        <>
          <Field path={['regions', index, 'autoscale', 'maxCapacityQps']} label="Scale up to" unit="req/s" />
          <Field path={['regions', index, 'autoscale', 'delayS']} label="Scaling delay" unit="s" />
          <Field path={['regions', index, 'autoscale', 'targetUtilization']} label="Target utilisation" unit="0.1-1" />
        </>
      )}
      <p className="inspector__note">
        Compute cost at full capacity: ${hourlyUsd.toFixed(2)} an hour (${(hourlyUsd * 730).toFixed(0)} a month).
      </p>
      <div className="inspector__row">
        {scenario.data.topology === 'active-passive' && !isPrimary && (
          <button
            type="button"
            onClick={() => {
              const state = store?.getState();
              if (state) state.scenarioEdited({ ...state.scenario, data: { ...state.scenario.data, primary: region.id } });
            }}
          >
            Make primary
          </button>
        )}
      </div>
      <NodeActions refs={[{ kind: 'region', id: region.id }]} />
    </div>
  );
}

export function UserInspector({ id }: { id: string }) {
  const scenario = useApp(selectScenario);
  const index = scenario.users.findIndex((u) => u.id === id);
  const user = scenario.users[index];
  if (!user) return null;
  const at = (field: string) => ['users', index, field] as const;
  return (
    <div data-testid={`inspector-user-${user.id}`}>
      <h3 className="inspector__title">Users {user.id}</h3>
      <IdField kind="user" id={user.id} index={index} />
      <Field path={at('name')} label="Name" kind="text" optional />
      <Field path={at('lat')} label="Latitude" unit="°" testId="inspector-user-lat" />
      <Field path={at('lon')} label="Longitude" unit="°" testId="inspector-user-lon" />
      <Field path={at('qps')} label="Load" unit="req/s" testId="inspector-user-qps" />
      <Field path={at('writeRatio')} label="Write share" unit="0-1" />
      <p className="inspector__note">
        Mix: {Math.round((1 - user.writeRatio) * 100)}% reads, {Math.round(user.writeRatio * 100)}% writes.
      </p>
      <Field path={at('jurisdiction')} label="Jurisdiction" kind="text" optional />
      <Field path={at('lastMileMs')} label="Last mile" unit="ms" />
      <NodeActions refs={[{ kind: 'user', id: user.id }]} />
    </div>
  );
}
