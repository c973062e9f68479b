import { useContext } from 'react';
import { StoreContext } from '../store/context.ts';
import { ROUTING_SELECTION } from '../store/scenarioSlice.ts';
import { Field } from './Field.tsx';
import { DataInspector } from './DataInspector.tsx';

const at = (...path: string[]) => path;

/** The whole scenario's settings, shown when nothing on the map is selected. */
export function ScenarioInspector() {
  const store = useContext(StoreContext);
  return (
    <div data-testid="inspector-scenario">
      <h3 className="inspector__title">Scenario</h3>
      <p className="inspector__note">Select a region or users on the map to edit them; shift-click or shift-drag selects several.</p>
      <Field path={at('name')} label="Name" kind="text" testId="inspector-scenario-name" />
      <Field path={at('durationS')} label="Duration" unit="s" />
      <Field path={at('seed')} label="Seed" />
      <div className="inspector__row">
        <button type="button" onClick={() => store?.getState().selectionChanged([ROUTING_SELECTION])}>
          Routing and health checks...
        </button>
      </div>
      <details className="inspector__section" open>
        <summary>Data</summary>
        <DataInspector />
      </details>
      <details className="inspector__section">
        <summary>Workload</summary>
        <Field path={at('workload', 'keyCount')} label="Keys" />
        <Field path={at('workload', 'zipfS')} label="Key skew (Zipf)" />
        <Field path={at('workload', 'timeoutMs')} label="Client timeout" unit="ms" />
        <Field path={at('workload', 'writeBytes')} label="Write size" unit="bytes" />
        <Field path={at('workload', 'responseBytes')} label="Response size" unit="bytes" />
        <Field path={at('workload', 'overload')} label="Overload" kind="choice" />
      </details>
      <details className="inspector__section">
        <summary>Cost</summary>
        <Field path={at('cost', 'usdPerQpsHour')} label="Compute" unit="$/QPS/h" />
        <Field path={at('cost', 'transferUsdPerGb')} label="Inter-region" unit="$/GB" optional />
        <Field path={at('cost', 'interZoneUsdPerGb')} label="Inter-zone" unit="$/GB" />
        <Field path={at('cost', 'zonesPerRegion')} label="Zones per region" />
        <Field path={at('cost', 'egressUsdPerGb')} label="Egress" unit="$/GB" />
        <Field path={at('cost', 'replicationCompression')} label="Compression" unit="0-0.99" />
      </details>
      <details className="inspector__section">
        <summary>Simulation</summary>
        <Field path={at('simulation', 'mode')} label="Fidelity" kind="choice" />
        <Field path={at('simulation', 'samplesPerSecond')} label="Samples" unit="/s" />
      </details>
    </div>
  );
}
