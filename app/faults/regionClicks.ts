/**
 * Opens a region's fault menu when the person clicks its node on the map (or presses Enter on it), without a hook
 * in the canvas: a document listener recognises region nodes by their `data-testid="region-node-<id>"`. A press
 * that moved (a drag) is not a click, a click with a modifier selects (for editing), and clicks on the node's own
 * buttons are left to them.
 */

const PREFIX = 'region-node-';
/** Pixels a press may move and still count as a click. */
const CLICK_SLOP_PX = 5;

/** The element of a region's node on the map, if it is drawn. */
export function regionNodeElement(regionId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${PREFIX}${CSS.escape(regionId)}"]`);
}

/** The region id of the node an element belongs to, or null. */
export function regionIdAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  if (target.closest('button, input, select, textarea, a')) return null;
  const node = target.closest(`[data-testid^="${PREFIX}"]`);
  return node ? (node.getAttribute('data-testid') ?? '').slice(PREFIX.length) || null : null;
}

/** Calls `open(regionId, byKeyboard)` on a click (not a drag) or Enter on a region node. Returns the cleanup. */
export function listenForRegionClicks(open: (regionId: string, byKeyboard: boolean) => void): () => void {
  let down: { x: number; y: number } | undefined;
  const onPointerDown = (e: PointerEvent) => {
    down = { x: e.clientX, y: e.clientY };
  };
  const onClick = (e: MouseEvent) => {
    const regionId = regionIdAt(e.target);
    // Shift/Ctrl/Cmd-click adds to the map's selection (editing), so it opens nothing here.
    if (!regionId || e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX) return;
    open(regionId, false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.target instanceof Element)) return;
    const node = e.target.closest('.react-flow__node');
    const inner = node?.querySelector(`[data-testid^="${PREFIX}"]`);
    if (inner && e.target === node) open((inner.getAttribute('data-testid') ?? '').slice(PREFIX.length), true);
  };
  window.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKeyDown);
  return () => {
    window.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('click', onClick);
    document.removeEventListener('keydown', onKeyDown);
  };
}
