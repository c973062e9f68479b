import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { UserNode as UserNodeType } from './scenarioNodes.ts';
import { populationColor } from '../charts/palette.ts';

export const UserNode = memo(function UserNode({ id, data, selected }: NodeProps<UserNodeType>) {
  return (
    <div className={`map-node map-node--user${selected ? ' is-selected' : ''}`} data-testid={`node-${id}`} data-label-side={data.labelSide ?? 'right'} title={`${data.label}: ${data.qps} requests/s`}>
      <span className="map-node__dot" style={{ background: populationColor(data.colorIndex) }} aria-hidden="true" />
      <span className="map-node__label">{data.label}</span>
    </div>
  );
});
