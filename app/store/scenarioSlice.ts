import type { StateCreator } from 'zustand';
import { parseScenario, formatIssues, type ParseResult } from '../../engine/index.ts';
import type { Fault, Scenario } from '../../engine/index.ts';
import type { LatLon } from '../../engine/index.ts';
import type { AppState } from './index.ts';
import { recordEdit } from './historySlice.ts';
import {
  addRegion,
  addUser,
  copyNodes,
  deleteNodes,
  duplicateNodes,
  moveNodes,
  pasteNodes,
  renameNode,
  toggleRegionFailure,
  type Clipboard,
  type NodeMove,
  type NodeRef,
  type RegionSpec,
  type UserSpec,
} from './scenarioEdits.ts';

export { moveNode, toggleRegionFailure } from './scenarioEdits.ts';

/** The routing layer's pseudo node id: selecting it shows the routing settings in the inspector. */
export const ROUTING_SELECTION = 'routing';

export interface ScenarioSlice {
  /** The validated scenario being edited and run. Only valid scenarios are ever stored here. */
  scenario: Scenario;
  /** Increases each time a whole scenario is loaded (the run restarts); edits keep it. */
  loadId: number;
  /** Selected canvas node ids (`region:<id>`, `user:<id>`), or [ROUTING_SELECTION]. */
  selection: readonly string[];
  /** Replaces the scenario and restarts the run; the undo history starts afresh. */
  scenarioLoaded: (scenario: Scenario) => void;
  /**
   * Any edit: `candidate` is parsed with the schema and replaces the scenario (one undo step) only when valid;
   * otherwise `failureText` and the schema's messages are shown and nothing changes. Returns the parse result.
   */
  scenarioEdited: (candidate: unknown, failureText?: string) => ParseResult;
  /** A region or user population was dragged to a new place on the map. */
  nodeMoved: (kind: 'region' | 'user', id: string, place: LatLon) => void;
  /** Several nodes dragged together: one edit, one undo step. */
  nodesMoved: (moves: readonly NodeMove[]) => void;
  /** A region from the palette: added, and selected. */
  regionAdded: (spec: RegionSpec) => void;
  /** A user population from the palette: added, and selected. */
  userAdded: (spec: UserSpec) => void;
  /** Delete/Backspace on the selection: removed, with references to deleted regions fixed. */
  nodesDeleted: (refs: readonly NodeRef[]) => void;
  /** Ctrl/Cmd+D on the selection: copies added and selected. */
  nodesDuplicated: (refs: readonly NodeRef[]) => void;
  /** What Ctrl/Cmd+C or X put aside (in the page, not the system clipboard), or null. */
  clipboard: Clipboard | null;
  /** Ctrl/Cmd+C: the nodes as they are now go to the clipboard. */
  nodesCopied: (refs: readonly NodeRef[]) => void;
  /** Ctrl/Cmd+X: copied, then deleted (one undo step). */
  nodesCut: (refs: readonly NodeRef[]) => void;
  /** Ctrl/Cmd+V: the clipboard's nodes added (back where they were if cut, beside their originals if copied) and selected. */
  clipboardPasted: () => void;
  /** A region or population given a new id; what referred to it follows, and it stays selected. */
  nodeRenamed: (ref: NodeRef, newId: string) => ParseResult;
  selectionChanged: (selection: readonly string[]) => void;
  /** The person failed (or restored) a region while the run is at `atS`: recorded as a fault, so it replays. */
  regionFailureToggled: (regionId: string, atS: number) => void;
  /** A fault injected by the person (any kind, its `atS` the run's time or later): recorded so the run replays it. */
  faultInjected: (fault: Fault) => void;
}

const nodeIdOf = (ref: NodeRef): string => `${ref.kind}:${ref.id}`;

const sameSelection = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export const createScenarioSlice =
  (initial: Scenario): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set, get) => {
    /** The one way an edit reaches the store: valid, recorded for undo, or refused with the schema's messages. */
    const edit = (candidate: unknown, failureText: string, selection?: readonly string[]): ParseResult => {
      const parsed = parseScenario(candidate);
      if (parsed.ok) {
        // An edit that changes nothing (a field left as it was, a drag back to the start) is not an undo step.
        const unchanged = JSON.stringify(parsed.scenario) === JSON.stringify(get().scenario);
        if (unchanged) {
          if (selection) get().selectionChanged(selection);
        } else set((state) => ({ scenario: parsed.scenario, ...recordEdit(state, state.scenario), ...(selection ? { selection } : {}) }));
      } else {
        get().noticeShown(failureText, formatIssues(parsed.issues));
      }
      return parsed;
    };

    return {
      scenario: initial,
      loadId: 0,
      selection: [],
      scenarioLoaded: (scenario) => set((state) => ({ scenario, loadId: state.loadId + 1, past: [], future: [], selection: [] })),
      scenarioEdited: (candidate, failureText = 'That edit would make the scenario invalid.') => edit(candidate, failureText),
      nodeMoved: (kind, id, place) => {
        edit(moveNodes(get().scenario, [{ kind, id, place }]), 'That move would make the scenario invalid.');
      },
      nodesMoved: (moves) => {
        if (moves.length > 0) edit(moveNodes(get().scenario, moves), 'That move would make the scenario invalid.');
      },
      regionAdded: (spec) => {
        const added = addRegion(get().scenario, spec);
        edit(added.scenario, 'That region cannot be added.', [nodeIdOf(added.ref)]);
      },
      userAdded: (spec) => {
        const added = addUser(get().scenario, spec);
        edit(added.scenario, 'That user population cannot be added.', [nodeIdOf(added.ref)]);
      },
      nodesDeleted: (refs) => {
        if (refs.length === 0) return;
        edit(deleteNodes(get().scenario, refs), 'That cannot be deleted: the scenario would be invalid.', []);
      },
      nodesDuplicated: (refs) => {
        if (refs.length === 0) return;
        const copied = duplicateNodes(get().scenario, refs);
        edit(copied.scenario, 'That cannot be duplicated: the scenario would be invalid.', copied.refs.map(nodeIdOf));
      },
      nodeRenamed: (ref, newId) => {
        const selection = get().selection.map((id) => (id === nodeIdOf(ref) ? nodeIdOf({ kind: ref.kind, id: newId }) : id));
        return edit(renameNode(get().scenario, ref, newId), 'That id cannot be used.', selection);
      },
      clipboard: null,
      nodesCopied: (refs) => {
        const clipboard = copyNodes(get().scenario, refs);
        if (clipboard.regions.length + clipboard.users.length > 0) set({ clipboard });
      },
      nodesCut: (refs) => {
        const clipboard = copyNodes(get().scenario, refs);
        if (clipboard.regions.length + clipboard.users.length === 0) return;
        if (edit(deleteNodes(get().scenario, refs), 'That cannot be cut: the scenario would be invalid.', []).ok) set({ clipboard });
      },
      clipboardPasted: () => {
        const clipboard = get().clipboard;
        if (!clipboard) return;
        const pasted = pasteNodes(get().scenario, clipboard);
        edit(pasted.scenario, 'That cannot be pasted: the scenario would be invalid.', pasted.refs.map(nodeIdOf));
      },
      selectionChanged: (selection) => {
        if (!sameSelection(selection, get().selection)) set({ selection });
      },
      regionFailureToggled: (regionId, atS) => {
        edit(toggleRegionFailure(get().scenario, regionId, atS), 'That fault would make the scenario invalid.');
      },
      faultInjected: (fault) => {
        const scenario = get().scenario;
        const atS = Math.min(scenario.durationS, Math.round(fault.atS * 10) / 10);
        edit({ ...scenario, faults: [...scenario.faults, { ...fault, atS }] }, 'That fault would make the scenario invalid.');
      },
    };
  };
