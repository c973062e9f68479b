/**
 * The editing shortcuts, as one pure function of a key event: Delete/Backspace, Ctrl/Cmd+D, C, X, V, Ctrl/Cmd+Z,
 * Ctrl/Cmd+Shift+Z and Ctrl+Y, Ctrl/Cmd+A, Escape. Keys typed into a field belong to the field.
 */

export type EditCommand = 'delete' | 'duplicate' | 'copy' | 'cut' | 'paste' | 'undo' | 'redo' | 'select-all' | 'clear-selection';

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Whether the key went to a text field, a select or an editable element. */
  readonly inField: boolean;
}

export function commandFor(event: KeyLike): EditCommand | undefined {
  if (event.inField || event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (!mod) {
    if (event.key === 'Delete' || event.key === 'Backspace') return 'delete';
    if (event.key === 'Escape') return 'clear-selection';
    return undefined;
  }
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  if (key === 'd' && !event.shiftKey) return 'duplicate';
  if (key === 'a' && !event.shiftKey) return 'select-all';
  if (key === 'c' && !event.shiftKey) return 'copy';
  if (key === 'x' && !event.shiftKey) return 'cut';
  if (key === 'v' && !event.shiftKey) return 'paste';
  return undefined;
}

/** Whether a key event's target takes typing itself (inputs, text areas, selects, editable content). */
export function isField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
