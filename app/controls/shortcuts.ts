/**
 * The run's keyboard shortcuts: Space plays or pauses, ArrowRight steps. They stay out of the way where a key
 * means something else: text fields, selects and sliders, editable content, a focused button (Space presses it),
 * and any key with a modifier.
 */
export type RunShortcut = 'toggle-play' | 'step';

/** What the focused element is, as far as shortcuts care. */
export interface KeyTarget {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly role?: string | null;
  /** Inside a map node: React Flow moves a selected node with the arrows and selects it with Space. */
  readonly withinMapNode?: boolean;
}

export interface KeyPress {
  readonly key: string;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'range', 'date', 'time']);

/** True where keys belong to the element itself (typing, moving a slider, choosing an option). */
export function keysBelongToTarget(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.withinMapNode) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
  return target.role === 'slider' || target.role === 'textbox' || target.role === 'combobox' || target.role === 'menu';
}

/** The shortcut a key press means here, or null to leave it alone. */
export function runShortcut(press: KeyPress, target: KeyTarget | null): RunShortcut | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  if (keysBelongToTarget(target)) return null;
  const tag = target?.tagName.toUpperCase();
  if (press.key === ' ' || press.key === 'Spacebar') {
    // Space on a button, a link or a checkbox activates it; the map's nodes use it to select.
    if (tag === 'BUTTON' || tag === 'A' || tag === 'INPUT' || target?.role === 'button') return null;
    return 'toggle-play';
  }
  if (press.key === 'ArrowRight') return 'step';
  return null;
}
