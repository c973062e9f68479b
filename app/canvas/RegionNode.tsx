import { memo, useContext } from 'react';
import type { NodeProps } from '@xyflow/react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { regionDownAt } from '../../engine/index.ts';
import { parseNodeId, type RegionNode as RegionNodeType } from './scenarioNodes.ts';
import { roleBadge } from './regionRole.ts';
import { useRegionRole } from './useRegionRoles.ts';

const selectToggle = (s: AppState) => s.regionFailureToggled;
/** No Fail button in an embed, unless its address allows faults. */
const selectReadOnly = (s: AppState) => s.viewMode === 'embed' && !s.embedFaults;

export const RegionNode = memo(function RegionNode({ id, data, selected }: NodeProps<RegionNodeType>) {
  const regionId = parseNodeId(id)?.id ?? '';
  const down = useApp((s) => regionDownAt(s.scenario.faults, regionId, s.timeS));
  const role = useRegionRole(regionId);
  const badge = roleBadge(role);
  const toggle = useApp(selectToggle);
  // The clock is read when the button is pressed: subscribing to it re-rendered 25 nodes at every snapshot.
  const store = useContext(StoreContext);
  const readOnly = useApp(selectReadOnly);
  return (
    <div
      className={`map-node map-node--region${selected ? ' is-selected' : ''}${down ? ' is-down' : ''}`}
      title={`${data.detail ?? `${data.label} (custom region)`}${down ? ': down' : ''}`}
      data-testid={`region-node-${regionId}`}
      data-down={down ? 'true' : 'false'}
      data-label-side={data.labelSide ?? 'below'}
    >
      <span className="map-node__dot" aria-hidden="true" />
      <span className="map-node__label">
        {data.label}
        {badge && (
          <span className={`map-node__badge map-node__badge--${role ?? ''}`} data-testid={`region-role-${regionId}`} data-role={role ?? ''}>
            {badge}
          </span>
        )}
        {!readOnly && <button
          type="button"
          className="map-node__action nodrag"
          onClick={() => toggle(regionId, store?.getState().timeS ?? 0)}
          aria-label={down ? `Restore region ${data.label}` : `Fail region ${data.label}`}
        >
          {down ? 'Restore' : 'Fail'}
        </button>}
      </span>
    </div>
  );
});
