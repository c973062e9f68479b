import { useCallback, useContext, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import {
  ReactFlow,
  Controls,
  Panel,
  applyNodeChanges,
  useStore,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  type ReactFlowInstance,
} from '@xyflow/react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { ROUTING_SELECTION } from '../store/scenarioSlice.ts';
import type { NodeMove } from '../store/scenarioEdits.ts';
import { parseNodeId, reuseUnchanged, scenarioToNodes, type ScenarioNode } from './scenarioNodes.ts';
import { RegionNode } from './RegionNode.tsx';
import { UserNode } from './UserNode.tsx';
import { WorldMap } from '../map/WorldMap.tsx';
import { MAP_HEIGHT, MAP_WIDTH, unproject } from '../map/projection.ts';
import { PALETTE_MIME, readPayload } from '../palette/dragPayload.ts';
import { routingLabel } from '../palette/routingPolicies.ts';
import { useEditShortcuts } from './useEditShortcuts.ts';
import { labelScale } from './labelScale.ts';
import { placeLabels, textWidthPx, type LabelItem, type LabelSide } from './labelPlacement.ts';

/** Sets the map's --label-scale for the zoom (labelScale): one custom property, no re-render of the nodes. */
function LabelScale({ target, present }: { target: RefObject<HTMLDivElement | null>; present: boolean }) {
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    target.current?.style.setProperty('--label-scale', labelScale(zoom, present).toFixed(2));
    // The map's zoom, so a button on it can keep a 24 px target on screen (WCAG 2.5.8) whatever the zoom.
    target.current?.style.setProperty('--map-zoom', zoom.toFixed(3));
  }, [zoom, target, present]);
  return null;
}

/** The zoom in steps of an eighth of a doubling: label placement is redone per step, not per wheel event. */
const zoomStep = (s: { transform: [number, number, number] }): number => 2 ** (Math.round(Math.log2(s.transform[2]) * 8) / 8);

/** Places the labels so they avoid each other at this zoom (labelPlacement.ts) and hands the sides up. */
function LabelPlacement({ nodes, present, onSides }: { nodes: readonly ScenarioNode[]; present: boolean; onSides: (sides: ReadonlyMap<string, LabelSide>) => void }) {
  const zoom = useStore(zoomStep);
  useEffect(() => {
    const scale = labelScale(zoom, present);
    const items: LabelItem[] = nodes.map((node) => {
      const region = node.type === 'region';
      const textPx = region
        ? textWidthPx(node.data.label, 12 * scale) + textWidthPx('primary, down Restore', 10 * scale) + 30 * scale
        : textWidthPx(node.data.label, 12 * scale);
      return {
        id: node.id,
        x: node.position.x,
        y: node.position.y,
        width: textPx,
        height: Math.max(16 * scale, region ? 24 / zoom : 0),
        preferred: region ? 'below' : 'right',
      };
    });
    // Regions first: their labels carry the Fail buttons, so they keep their place.
    items.sort((a, b) => Number(b.id.startsWith('region:')) - Number(a.id.startsWith('region:')));
    onSides(placeLabels(items, 9, { width: MAP_WIDTH, height: MAP_HEIGHT }));
  }, [nodes, zoom, present, onSides]);
  return null;
}

const nodeTypes: NodeTypes = { region: RegionNode, user: UserNode };
const selectScenario = (s: AppState) => s.scenario;
const selectSelection = (s: AppState) => s.selection;
const MAP_BOUNDS = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };
const TRANSLATE_EXTENT: [[number, number], [number, number]] = [
  [-MAP_WIDTH * 0.25, -MAP_HEIGHT * 0.25],
  [MAP_WIDTH * 1.25, MAP_HEIGHT * 1.25],
];
/** Shift or Ctrl/Cmd and click adds to the selection; Shift and drag on the map draws a selection box. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

function withSelection(nodes: ScenarioNode[], selection: readonly string[]): ScenarioNode[] {
  const selected = new Set(selection);
  return nodes.map((n) => (Boolean(n.selected) === selected.has(n.id) ? n : { ...n, selected: selected.has(n.id) }));
}

/** Embedded (?embed=1): the map is for watching; nothing on it can be moved, selected or dropped. */
const selectReadOnly = (s: AppState) => s.viewMode === 'embed';
const selectPresent = (s: AppState) => s.viewMode === 'present';

/** The nodes with their label sides (new objects only where a side changed). */
function withLabelSides(nodes: ScenarioNode[], sides: ReadonlyMap<string, LabelSide>): ScenarioNode[] {
  return nodes.map((n) => {
    const side = sides.get(n.id);
    return side === undefined || n.data.labelSide === side ? n : ({ ...n, data: { ...n.data, labelSide: side } } as ScenarioNode);
  });
}

/**
 * The map with the scenario's regions and user populations on it. Dragging a node moves it on Earth; palette
 * entries dropped on it are added; the selection lives in the store, so the inspector and shortcuts share it.
 */
export function MapCanvas() {
  const store = useContext(StoreContext);
  const scenario = useApp(selectScenario);
  const selection = useApp(selectSelection);
  const [nodes, setNodes] = useState<ScenarioNode[]>(() => withSelection(scenarioToNodes(scenario), selection));
  const flow = useRef<ReactFlowInstance<ScenarioNode> | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const readOnly = useApp(selectReadOnly);
  const present = useApp(selectPresent);
  // The label sides live on the nodes themselves (so a drag's moves reuse the same node objects); the placement
  // reads where nodes are in the scenario (not mid-drag) and is redone when the scenario or the zoom changes.
  const labelSides = useRef<ReadonlyMap<string, LabelSide>>(new Map());
  const placedNodes = useMemo(() => scenarioToNodes(scenario), [scenario]);
  const onLabelSides = useCallback((sides: ReadonlyMap<string, LabelSide>) => {
    labelSides.current = sides;
    setNodes((current) => withLabelSides(current, sides));
  }, []);
  useEditShortcuts();

  // The scenario is the source of truth; local node state only carries a drag in progress.
  useEffect(() => {
    setNodes((current) => withSelection(reuseUnchanged(current, withLabelSides(scenarioToNodes(scenario), labelSides.current)), store?.getState().selection ?? []));
  }, [scenario, store]);
  useEffect(() => {
    setNodes((current) => withSelection(current, selection));
  }, [selection]);

  const commitMoves = useCallback(
    (dragged: readonly ScenarioNode[]) => {
      if (!store) return;
      const moves: NodeMove[] = [];
      let offGlobe = false;
      for (const node of dragged) {
        const ref = parseNodeId(node.id);
        const place = unproject(node.position);
        if (ref && place) moves.push({ ...ref, place });
        else offGlobe = true;
      }
      if (moves.length > 0) store.getState().nodesMoved(moves);
      if (offGlobe || moves.length === 0) setNodes(withSelection(withLabelSides(scenarioToNodes(store.getState().scenario), labelSides.current), store.getState().selection)); // snap back
    },
    [store],
  );

  // Arrow keys move selected nodes too (React Flow's keyboard a11y): a burst of presses is one edit.
  const dragging = useRef(false);
  const keyboardMoved = useRef(new Set<string>());
  const keyboardTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  useEffect(() => () => clearTimeout(keyboardTimer.current), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<ScenarioNode>[]) => {
      const moves = changes.filter((c) => c.type !== 'select');
      if (moves.length > 0) setNodes((current) => applyNodeChanges(moves, current));
      const keyMoves = dragging.current ? [] : changes.filter((c) => c.type === 'position' && !c.dragging && c.position);
      if (keyMoves.length > 0) {
        for (const change of keyMoves) if ('id' in change) keyboardMoved.current.add(change.id);
        clearTimeout(keyboardTimer.current);
        keyboardTimer.current = setTimeout(() => {
          const ids = keyboardMoved.current;
          keyboardMoved.current = new Set();
          commitMoves(nodesRef.current.filter((n) => ids.has(n.id)));
        }, 400);
      }
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0 || !store) return;
      const next = new Set(store.getState().selection.filter((id) => id !== ROUTING_SELECTION));
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      store.getState().selectionChanged([...next]);
    },
    [store, commitMoves],
  );

  // A drag is one edit, recorded when it stops (so one undo step however long it was).
  const onNodeDragStart: OnNodeDrag<ScenarioNode> = useCallback(() => {
    dragging.current = true;
  }, []);
  const onNodeDragStop: OnNodeDrag<ScenarioNode> = useCallback(
    (_event, _node, dragged) => {
      dragging.current = false;
      commitMoves(dragged);
    },
    [commitMoves],
  );

  const onInit = useCallback((instance: ReactFlowInstance<ScenarioNode>) => {
    flow.current = instance;
    void instance.fitBounds(MAP_BOUNDS, { padding: 0.02 });
  }, []);
  // Presenting, the map zooms to the scenario's regions and populations (labels keep their projector size, so
  // the places need the room); back in the editor it shows the world. After the layout has changed.
  // The map's pane changes size with the mode, the window or a phone's rotation: it is fitted again each time.
  const mounted = useRef(false);
  useEffect(() => {
    const modeChanged = mounted.current;
    mounted.current = true;
    const element = canvasRef.current;
    if (!element) return undefined;
    let frame = 0;
    let lastSize = '';
    const fit = (): void => {
      cancelAnimationFrame(frame);
      // A frame later React Flow has measured the new size too.
      frame = requestAnimationFrame(() => {
        const instance = flow.current;
        if (!instance) return;
        // Room for the labels on every side, and the legend's width on the right, so it covers no place.
        const legendPx = element.querySelector<HTMLElement>('.flow-legend')?.offsetWidth ?? 0;
        const view = present
          ? instance.fitView({ padding: { top: '15%', bottom: '15%', left: '18%', right: `${legendPx + 120}px` }, maxZoom: 3 })
          : instance.fitBounds(MAP_BOUNDS, { padding: 0.02 });
        void Promise.resolve(view).then(() => element.setAttribute('data-view', present ? 'places' : 'world'));
      });
    };
    const observer = new ResizeObserver(([entry]) => {
      const size = `${Math.round(entry?.contentRect.width ?? 0)}x${Math.round(entry?.contentRect.height ?? 0)}`;
      if (size !== lastSize) {
        const first = lastSize === '';
        lastSize = size;
        if (!first || present || modeChanged) fit();
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [present]);

  // A palette entry held over the map lights it up: it can be dropped here.
  const [dropTarget, setDropTarget] = useState(false);
  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropTarget(true);
  }, []);
  const onDragLeave = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(false);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      setDropTarget(false);
      const payload = readPayload(event.dataTransfer.getData(PALETTE_MIME));
      if (!payload || !store || store.getState().viewMode === 'embed') return;
      event.preventDefault();
      const point = flow.current?.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const place = point ? unproject(point) : undefined;
      // Adding is not needed for the first paint: its code (and the city list) loads on the first drop.
      void import('../palette/addEntry.ts').then(({ addFromPalette }) => addFromPalette(store.getState, payload, place));
    },
    [store],
  );

  const policy = scenario.routing.policy;
  const routingSelected = selection.includes(ROUTING_SELECTION);

  return (
    <div
      ref={canvasRef}
      className={`map-canvas${dropTarget ? ' is-drop-target' : ''}`}
      aria-label="Map of regions and user populations"
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="map-canvas"
    >
      <ReactFlow<ScenarioNode>
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onInit={onInit}
        nodeOrigin={[0.5, 0.5]}
        minZoom={0.3}
        maxZoom={12}
        translateExtent={TRANSLATE_EXTENT}
        nodesConnectable={false}
        nodesDraggable={!readOnly}
        elementsSelectable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        proOptions={{ hideAttribution: false }}
      >
        <WorldMap />
        <LabelScale target={canvasRef} present={present} />
        <LabelPlacement nodes={placedNodes} present={present} onSides={onLabelSides} />
        <Controls showInteractive={false} position="bottom-left" />
        <Panel position="top-left">
          {readOnly ? (
            <span className="map-routing">Routing: {routingLabel(policy)}</span>
          ) : (
            <button
              type="button"
              className={`map-routing${routingSelected ? ' is-selected' : ''}`}
              onClick={() => store?.getState().selectionChanged([ROUTING_SELECTION])}
              aria-pressed={routingSelected}
              data-testid="routing-node"
            >
              Routing: {routingLabel(policy)}
            </button>
          )}
        </Panel>
      </ReactFlow>
    </div>
  );
}
