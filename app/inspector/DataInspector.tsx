import { useContext } from 'react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { uniqueId } from '../store/scenarioEdits.ts';
import { Field } from './Field.tsx';

const selectData = (s: AppState) => s.scenario.data;
const selectRegionIds = (s: AppState) => s.scenario.regions;
const data = (field: string) => ['data', field] as const;

/** How data is placed, replicated, reconciled and read; the datasets and their placement rules. */
export function DataInspector() {
  const store = useContext(StoreContext);
  const d = useApp(selectData);
  const regions = useApp(selectRegionIds);
  const primaryChoices = regions.map((r) => ({ value: r.id, label: r.name ? `${r.id} (${r.name})` : r.id }));
  const addDataset = () => {
    const state = store?.getState();
    if (!state) return;
    const id = uniqueId('dataset', new Set(state.scenario.data.datasets.map((x) => x.id)));
    const datasets = [...state.scenario.data.datasets, { id, class: 'pii', placement: 'jurisdiction', pinned: true, share: 1 }];
    state.scenarioEdited({ ...state.scenario, data: { ...state.scenario.data, datasets } }, 'That dataset cannot be added.');
  };
  const removeDataset = (index: number) => {
    const state = store?.getState();
    if (!state) return;
    const datasets = state.scenario.data.datasets.filter((_, i) => i !== index);
    state.scenarioEdited({ ...state.scenario, data: { ...state.scenario.data, datasets } });
  };
  return (
    <div data-testid="inspector-data">
      <Field path={data('topology')} label="Topology" kind="choice" testId="inspector-data-topology" />
      {d.topology === 'active-passive' && (
        <>
          <Field path={data('primary')} label="Primary" kind="choice" optional choices={primaryChoices} />
          <Field path={data('promotion')} label="Promotion" kind="choice" />
          {d.promotion === 'manual' && <Field path={data('manualPromotionS')} label="Manual promotion after" unit="s" />}
          <Field path={data('duringFailover')} label="Writes in failover" kind="choice" />
          <Field path={data('fencing')} label="Fence old primary" kind="boolean" />
        </>
      )}
      {d.topology === 'home-region' && <Field path={data('homeFailover')} label="Home failover" kind="choice" />}
      <Field path={data('replication')} label="Replication" kind="choice" testId="inspector-data-replication" />
      {d.replication === 'semi-sync' && <Field path={data('quorum')} label="Quorum (replicas)" testId="inspector-data-quorum" />}
      <Field path={data('commitWaitMs')} label="Commit wait" unit="ms" />
      <Field path={data('replicationMbps')} label="Link bandwidth" unit="Mbit/s" />
      <Field path={data('replicationBatchMs')} label="Batch interval" unit="ms" />
      <Field path={data('conflict')} label="Conflicts" kind="choice" />
      {d.conflict === 'crdt' && <Field path={data('crdtType')} label="CRDT type" kind="choice" />}
      {d.conflict === 'app-merge' && <Field path={data('mergeRule')} label="Merge rule" kind="choice" />}
      <Field path={data('reads')} label="Read consistency" kind="choice" />
      {d.reads === 'bounded' && <Field path={data('boundedStalenessMs')} label="Staleness bound" unit="ms" />}
      <h4 className="inspector__subtitle">Datasets</h4>
      {d.datasets.length === 0 && <p className="inspector__note">None: data placement is not checked.</p>}
      {d.datasets.map((dataset, i) => (
        <div className="inspector__dataset" key={`${i}-${dataset.id}`}>
          <Field path={['data', 'datasets', i, 'id']} label="Id" kind="text" />
          <Field path={['data', 'datasets', i, 'class']} label="Class" kind="choice" />
          <Field path={['data', 'datasets', i, 'placement']} label="Placement" kind="choice" />
          <Field path={['data', 'datasets', i, 'pinned']} label="Pinned" kind="boolean" />
          <Field path={['data', 'datasets', i, 'share']} label="Share of keys" />
          <button type="button" onClick={() => removeDataset(i)}>
            Remove dataset {dataset.id}
          </button>
        </div>
      ))}
      <div className="inspector__row">
        <button type="button" onClick={addDataset}>
          Add dataset
        </button>
      </div>
    </div>
  );
}
