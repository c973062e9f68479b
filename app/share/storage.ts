/** localStorage, unless the browser refuses it (privacy settings): then nothing is saved (autosave, recent list). */
export function browserStorage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
