/**
 * The mapping between a scenario and the canvas: each region and user population becomes a node placed at its
 * projected coordinates, and a node's canvas position maps back to latitude and longitude.
 */
import type { Node } from '@xyflow/react';
import type { Scenario } from '../../engine/index.ts';
import { regionPlace } from '../../engine/index.ts';
import { findCatalogRegion } from '../../engine/index.ts';
import { project } from '../map/projection.ts';
import type { LabelSide } from './labelPlacement.ts';

export interface RegionNodeData extends Record<string, unknown> {
  readonly label: string;
  /** The catalogue entry, e.g. "aws:us-east-1 Ashburn, VA"; null for a custom region. */
  readonly detail: string | null;
  readonly isPrimary: boolean;
  /** Where the label sits beside the square (labelPlacement.ts); below when not placed yet. */
  readonly labelSide?: LabelSide;
}

export interface UserNodeData extends Record<string, unknown> {
  readonly label: string;
  readonly qps: number;
  readonly colorIndex: number;
  /** Where the label sits beside the dot; right when not placed yet. */
  readonly labelSide?: LabelSide;
}

export type RegionNode = Node<RegionNodeData, 'region'>;
export type UserNode = Node<UserNodeData, 'user'>;
export type ScenarioNode = RegionNode | UserNode;

/** Node ids carry their kind, so a region and a population may share an id in the scenario. */
export const regionNodeId = (id: string): string => `region:${id}`;
export const userNodeId = (id: string): string => `user:${id}`;

export function parseNodeId(nodeId: string): { kind: 'region' | 'user'; id: string } | undefined {
  const colon = nodeId.indexOf(':');
  const kind = nodeId.slice(0, colon);
  if (kind !== 'region' && kind !== 'user') return undefined;
  return { kind, id: nodeId.slice(colon + 1) };
}

export function scenarioToNodes(scenario: Scenario): ScenarioNode[] {
  const primary = scenario.data.primary ?? scenario.regions[0]?.id;
  const regions = scenario.regions.map((region): RegionNode => {
    const place = regionPlace(region);
    const entry = region.catalog !== undefined ? findCatalogRegion(region.catalog) : undefined;
    return {
      id: regionNodeId(region.id),
      type: 'region',
      position: project(place),
      data: {
        label: region.name ?? region.id,
        detail: entry ? `${entry.id} (${entry.city})` : null,
        isPrimary: scenario.data.topology === 'active-passive' && region.id === primary,
      },
    };
  });
  const users = scenario.users.map(
    (user, index): UserNode => ({
      id: userNodeId(user.id),
      type: 'user',
      position: project(user),
      data: { label: user.name ?? user.id, qps: user.qps, colorIndex: index },
    }),
  );
  return [...regions, ...users];
}

const sameData = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
};

/**
 * The nodes for a new scenario, reusing each node object of `previous` that would come out the same (same kind,
 * place and data): React Flow then leaves those nodes alone. After a drag of one population, the 124 other nodes
 * of the large scenario were all rendered and restyled again (a 60-ms task on mouse up). A node that moved keeps
 * its measured size, so React Flow neither hides it nor measures it again.
 */
export function reuseUnchanged(previous: readonly ScenarioNode[], next: ScenarioNode[]): ScenarioNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = before.get(n.id);
    if (!old || old.type !== n.type) return n;
    if (old.position.x === n.position.x && old.position.y === n.position.y && sameData(old.data as Record<string, unknown>, n.data as Record<string, unknown>)) return old;
    return old.measured ? ({ ...n, measured: old.measured } as ScenarioNode) : n;
  });
}
