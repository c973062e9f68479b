import { useContext } from 'react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { ROUTING_SELECTION } from '../store/scenarioSlice.ts';
import { parseNodeId } from '../canvas/scenarioNodes.ts';
import { selectedRefs } from '../canvas/useEditShortcuts.ts';
import { NodeActions, RegionInspector, SharedFields, UserInspector } from './NodeInspectors.tsx';
import { RoutingInspector } from './RoutingInspector.tsx';
import { ScenarioInspector } from './ScenarioInspector.tsx';

const selectSelection = (s: AppState) => s.selection;
const selectScenario = (s: AppState) => s.scenario;

/** The settings of what is selected: a region, users, several of them, the routing layer, or the scenario. */
export function Inspector() {
  const store = useContext(StoreContext);
  const selection = useApp(selectSelection);
  const scenario = useApp(selectScenario);
  const refs = selectedRefs(selection).filter((ref) =>
    ref.kind === 'region' ? scenario.regions.some((r) => r.id === ref.id) : scenario.users.some((u) => u.id === ref.id),
  );
  const routing = selection.includes(ROUTING_SELECTION);
  const only = refs.length === 1 ? refs[0] : undefined;

  let body;
  if (routing) body = <RoutingInspector />;
  else if (only?.kind === 'region') body = <RegionInspector key={`region:${only.id}`} id={only.id} />;
  else if (only?.kind === 'user') body = <UserInspector key={`user:${only.id}`} id={only.id} />;
  else if (refs.length > 1) {
    body = (
      <div data-testid="inspector-multi">
        <h3 className="inspector__title">{refs.length} selected</h3>
        <p className="inspector__note">{selection.map((id) => parseNodeId(id)?.id).filter(Boolean).join(', ')}</p>
        <SharedFields key={refs.map((r) => `${r.kind}:${r.id}`).join(' ')} refs={refs} />
        <NodeActions refs={refs} />
      </div>
    );
  } else body = <ScenarioInspector />;

  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      {(routing || refs.length > 0) && (
        <button type="button" className="inspector__back" onClick={() => store?.getState().selectionChanged([])}>
          ← Scenario settings
        </button>
      )}
      {body}
    </section>
  );
}
