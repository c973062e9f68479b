import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { RegionNode as RegionNodeType } from './scenarioNodes.ts';

export const RegionNode = memo(function RegionNode({ data, selected }: NodeProps<RegionNodeType>) {
  return (
    <div
      className={`map-node map-node--region${selected ? ' is-selected' : ''}`}
      title={data.detail ?? `${data.label} (custom region)`}
      data-testid={`region-node-${data.label}`}
    >
      <span className="map-node__dot" aria-hidden="true" />
      <span className="map-node__label">
        {data.label}
        {data.isPrimary && <span className="map-node__badge">primary</span>}
      </span>
    </div>
  );
});
