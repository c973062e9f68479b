/**
 * Autosave: the scenario is written to localStorage a moment after every change and read back on the next load.
 * On load a valid link in the address bar wins; a broken link never replaces the autosave (the autosave is what
 * the page falls back to); corrupt autosave data gives a message and the default scenario, never a crash.
 */
import { parseScenario, formatIssues } from '../../engine/index.ts';
import { decodeLink, type RunRecord } from '../../engine/index.ts';
import type { Scenario } from '../../engine/index.ts';
import type { AppStore } from './index.ts';
import { designShownByReplay, runStartedFromShown } from './recordSlice.ts';

export const AUTOSAVE_KEY = 'meridian.autosave.v1';
export const AUTOSAVE_DELAY_MS = 300;

/** The part of Web Storage autosave uses (localStorage, or a map in tests). */
export type AutosaveStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface Problem {
  readonly text: string;
  readonly details: readonly string[];
}

export type AutosaveRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly scenario: Scenario }
  | { readonly kind: 'corrupt'; readonly problem: Problem };

/** The autosaved scenario, if there is one and it is valid. Never throws. */
export function readAutosave(storage: AutosaveStorage | undefined): AutosaveRead {
  let text: string | null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return { kind: 'none' }; // storage disabled by the browser: nothing saved, nothing to report
  }
  if (text === null) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', problem: { text: 'The autosaved scenario is damaged (not JSON). Showing the default scenario instead.', details: [] } };
  }
  const parsed = parseScenario(json);
  if (parsed.ok) return { kind: 'ok', scenario: parsed.scenario };
  return {
    kind: 'corrupt',
    problem: { text: 'The autosaved scenario is not valid. Showing the default scenario instead.', details: formatIssues(parsed.issues) },
  };
}

/** Writes the scenario; false when the browser refuses (storage full or disabled). */
export function writeAutosave(storage: AutosaveStorage | undefined, scenario: Scenario): boolean {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(scenario));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export interface StartScenario {
  readonly scenario: Scenario;
  readonly problems: readonly Problem[];
  /** Where it came from: a link opens paused (at its start, or the moment it names); the others play. */
  readonly source: 'link' | 'autosave' | 'default';
  /** A run link ("share this run"): the run, whose first scenario is `scenario`, replayed with its timed edits. */
  readonly run?: RunRecord;
}

/**
 * The scenario a page load starts with: a valid link in the hash, else the autosave, else the default.
 * A bad link says so and falls back to the autosave, which it leaves untouched.
 */
export function chooseStartScenario(hash: string, storage: AutosaveStorage | undefined, fallback: () => Scenario): StartScenario {
  const problems: Problem[] = [];
  let linkProblem: { error: string; details: readonly string[] } | undefined;
  if (hash !== '' && hash !== '#') {
    const decoded = decodeLink(hash);
    if (decoded.ok && decoded.kind === 'design') return { scenario: decoded.scenario, problems, source: 'link' };
    if (decoded.ok) return { scenario: decoded.record.base, problems, source: 'link', run: decoded.record };
    linkProblem = { error: decoded.error, details: decoded.details };
  }
  const saved = readAutosave(storage);
  if (saved.kind === 'corrupt') problems.push(saved.problem);
  const scenario = saved.kind === 'ok' ? saved.scenario : fallback();
  if (linkProblem) {
    const instead = saved.kind === 'ok' ? 'Showing your autosaved scenario instead.' : 'Showing the default scenario instead.';
    problems.unshift({ text: `${linkProblem.error} ${instead}`, details: linkProblem.details });
  }
  return { scenario, problems, source: saved.kind === 'ok' ? 'autosave' : 'default' };
}

/**
 * Saves the store's scenario `delayMs` after it last changed, and at once when the page is hidden or closed.
 * Returns a function that stops it (flushing a pending save).
 */
export function startAutosave(
  store: AppStore,
  storage: AutosaveStorage | undefined,
  delayMs = AUTOSAVE_DELAY_MS,
  onFailure: () => void = () => store.getState().noticeShown('The scenario could not be autosaved: the browser refused to store it.'),
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let failedOnce = false;
  /** The design as the person left it: a replay that shows another moment's design (a scrub back) is not saved. */
  let design = store.getState().scenario;
  const save = (): void => {
    pending = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!writeAutosave(storage, design) && !failedOnce) {
      failedOnce = true;
      onFailure();
    }
  };
  const flush = (): void => {
    if (pending) save();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const edited = state.scenario !== previous.scenario && !designShownByReplay(state, previous);
    if (!edited && !runStartedFromShown(state, previous)) return;
    design = state.scenario;
    pending = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const onHide = (): void => flush();
  globalThis.addEventListener?.('pagehide', onHide);
  return () => {
    flush();
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
  };
}
