/**
 * Keeps the scenario in the URL hash: read once at start (a broken or hostile link falls back to the default
 * scenario with a message), rewritten after every change, and followed when someone pastes a new link.
 */
import { encodeScenarioHash } from '../../engine/index.ts';
import { decodeLink, encodeRunHash } from '../../engine/index.ts';
import { designShownByReplay, runStartedFromShown } from '../store/recordSlice.ts';
import { parseScenario } from '../../engine/index.ts';
import { defaultScenario } from '../../engine/index.ts';
import type { Scenario } from '../../engine/index.ts';
import type { AppStore } from '../store/index.ts';

export interface InitialScenario {
  readonly scenario: Scenario;
  /** Why the link in the address bar was not used, if it was not. */
  readonly problem?: { readonly text: string; readonly details: readonly string[] };
}

export function builtInScenario(): Scenario {
  const parsed = parseScenario(defaultScenario);
  if (!parsed.ok) throw new Error('the built-in default scenario is invalid');
  return parsed.scenario;
}

/** The scenario a page load starts with, from the hash if it holds a valid one (a run link: its first scenario). */
export function initialScenario(hash: string): InitialScenario {
  if (hash === '' || hash === '#') return { scenario: builtInScenario() };
  const decoded = decodeLink(hash);
  if (decoded.ok) return { scenario: decoded.kind === 'design' ? decoded.scenario : decoded.record.base };
  return {
    scenario: builtInScenario(),
    problem: { text: `${decoded.error} Showing the default scenario instead.`, details: decoded.details },
  };
}

/** Quiet time after an edit before the link is rewritten: encoding a big scenario takes tens of ms. */
const WRITE_DELAY_MS = 250;

export function syncHashWithStore(store: AppStore): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What the pending rewrite writes (the hash without `#`). */
  let pending: () => string = () => encodeScenarioHash(store.getState().scenario);
  const write = (hash: string): void => {
    timer = undefined;
    written = `#${hash}`;
    if (window.location.hash !== written) window.history.replaceState(null, '', written);
  };
  const schedule = (hash: () => string): void => {
    if (timer !== undefined) clearTimeout(timer);
    pending = hash;
    timer = setTimeout(() => write(pending()), WRITE_DELAY_MS);
  };
  const flush = (): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    write(pending());
  };
  // A run link ("share this run") stays in the address bar until the design is edited: the design link would lose
  // its timed edits on a reload. A replay that shows another moment's design is not an edit: the link keeps the
  // design as it was left (or the run), never an earlier moment's.
  if (/^#r\d/.test(window.location.hash)) written = window.location.hash;
  else write(encodeScenarioHash(store.getState().scenario));
  const unsubscribe = store.subscribe((state, previous) => {
    const run = state.pendingRun;
    if (run && run !== previous.pendingRun) schedule(() => encodeRunHash(run)); // a run opened (a link, a file)
    else if ((state.scenario !== previous.scenario && !designShownByReplay(state, previous)) || runStartedFromShown(state, previous)) {
      const design = state.scenario;
      schedule(() => encodeScenarioHash(design));
    }
  });
  window.addEventListener('pagehide', flush);
  const onHashChange = (): void => {
    if (window.location.hash === written) return;
    if (timer !== undefined) clearTimeout(timer); // a pasted link wins over a pending rewrite
    timer = undefined;
    const decoded = decodeLink(window.location.hash);
    if (decoded.ok && decoded.kind === 'design') store.getState().scenarioLoaded(decoded.scenario);
    else if (decoded.ok) store.getState().runOpened(decoded.record);
    else {
      store.getState().noticeShown(`${decoded.error} Your current scenario is unchanged.`, decoded.details);
      window.history.replaceState(null, '', written);
    }
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('hashchange', onHashChange);
  };
}
