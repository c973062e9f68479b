/**
 * Recent scenarios: the last few opened or shared, kept in localStorage as links (their hash), newest first.
 * What is read back is untrusted like any link: it goes through decodeScenarioHash when opened.
 */
export interface RecentEntry {
  readonly name: string;
  /** The scenario's link hash, without '#'. */
  readonly hash: string;
  /** Wall-clock time it was added, ms since 1970 (the UI's clock; the engine never sees it). */
  readonly savedAtMs: number;
}

export interface RecentStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const RECENT_KEY = 'meridian.recent.v1';
export const RECENT_CAP = 10;

/** The stored list; anything malformed is skipped (never thrown). */
export function readRecent(storage: RecentStorage | undefined): RecentEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (e): e is RecentEntry =>
        typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.hash === 'string' && typeof e.savedAtMs === 'number' && e.hash.length < 200_000,
    )
    .slice(0, RECENT_CAP)
    .map((e) => ({ name: e.name.slice(0, 80), hash: e.hash, savedAtMs: e.savedAtMs }));
}

/** Adds an entry at the front (the same scenario moves up, not twice); returns the new list. */
export function addRecent(storage: RecentStorage | undefined, entry: RecentEntry): RecentEntry[] {
  const list = [entry, ...readRecent(storage).filter((e) => e.hash !== entry.hash)].slice(0, RECENT_CAP);
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused: the list still works for this page.
  }
  return list;
}
