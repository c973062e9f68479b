/** Whether the start card was dismissed: remembered in the browser, so a first visit sees it and later ones do not. */
export const START_DISMISSED_KEY = 'meridian.startCardDismissed';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

export function startCardDismissed(storage: Storage): boolean {
  try {
    return storage?.getItem(START_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberStartCardDismissed(storage: Storage): void {
  try {
    storage?.setItem(START_DISMISSED_KEY, '1');
  } catch {
    // A browser that refuses storage shows the card again next time: no harm.
  }
}
