import { useCallback, useEffect, useState } from 'react';
import {
  ReactFlow,
  Controls,
  applyNodeChanges,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { parseNodeId, scenarioToNodes, type ScenarioNode } from './scenarioNodes.ts';
import { RegionNode } from './RegionNode.tsx';
import { UserNode } from './UserNode.tsx';
import { WorldMap } from '../map/WorldMap.tsx';
import { MAP_HEIGHT, MAP_WIDTH, unproject } from '../map/projection.ts';

const nodeTypes: NodeTypes = { region: RegionNode, user: UserNode };
const selectScenario = (s: AppState) => s.scenario;
const selectNodeMoved = (s: AppState) => s.nodeMoved;
const MAP_BOUNDS = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };
const TRANSLATE_EXTENT: [[number, number], [number, number]] = [
  [-MAP_WIDTH * 0.25, -MAP_HEIGHT * 0.25],
  [MAP_WIDTH * 1.25, MAP_HEIGHT * 1.25],
];

/** The map with the scenario's regions and user populations on it; dragging a node moves it on Earth. */
export function MapCanvas() {
  const scenario = useApp(selectScenario);
  const nodeMoved = useApp(selectNodeMoved);
  const [nodes, setNodes] = useState<ScenarioNode[]>(() => scenarioToNodes(scenario));

  // The scenario is the source of truth; local node state only carries a drag in progress and selection.
  useEffect(() => {
    setNodes((current) => {
      const selected = new Set(current.filter((n) => n.selected).map((n) => n.id));
      return scenarioToNodes(scenario).map((n) => (selected.has(n.id) ? { ...n, selected: true } : n));
    });
  }, [scenario]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ScenarioNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );

  const onNodeDragStop: OnNodeDrag<ScenarioNode> = useCallback(
    (_event, _node, dragged) => {
      for (const node of dragged) {
        const ref = parseNodeId(node.id);
        const place = unproject(node.position);
        if (ref && place) nodeMoved(ref.kind, ref.id, place);
        else setNodes(scenarioToNodes(scenario)); // dropped off the globe: snap back
      }
    },
    [nodeMoved, scenario],
  );

  const onInit = useCallback((instance: ReactFlowInstance<ScenarioNode>) => {
    void instance.fitBounds(MAP_BOUNDS, { padding: 0.02 });
  }, []);

  return (
    <div className="map-canvas" aria-label="Map of regions and user populations">
      <ReactFlow<ScenarioNode>
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onInit={onInit}
        nodeOrigin={[0.5, 0.5]}
        minZoom={0.3}
        maxZoom={12}
        translateExtent={TRANSLATE_EXTENT}
        nodesConnectable={false}
        deleteKeyCode={null}
        proOptions={{ hideAttribution: false }}
      >
        <WorldMap />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  );
}
