/**
 * Where each map label goes so that labels avoid each other (Chicago over New York, London over Berlin): each
 * node tries its own side first, then the others, and takes the first whose box overlaps no label or dot
 * already placed (else the side that overlaps least). Greedy, regions first, in the map's coordinates. Pure.
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'right-up' | 'right-down' | 'left-up' | 'left-down' | 'above-far' | 'below-far';

export interface LabelItem {
  readonly id: string;
  /** The node's centre, in map coordinates. */
  readonly x: number;
  readonly y: number;
  /** The label's size in map coordinates (its text at the zoom's label scale). */
  readonly width: number;
  readonly height: number;
  /** The side it prefers (regions below their square, populations right of their dot). */
  readonly preferred: LabelSide;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Beside first, then a label's height up or down, then two heights above or below (where labels crowd, at a projector's size). */
const SIDES: readonly LabelSide[] = ['right', 'below', 'left', 'above', 'right-up', 'right-down', 'left-up', 'left-down', 'above-far', 'below-far'];

/** The label's box on one side of a node whose dot has radius `dotR` (map coordinates). */
export function labelBox(item: LabelItem, side: LabelSide, dotR: number): Box {
  const gap = dotR + 3;
  switch (side) {
    case 'right':
      return { x0: item.x + gap, y0: item.y - item.height / 2, x1: item.x + gap + item.width, y1: item.y + item.height / 2 };
    case 'left':
      return { x0: item.x - gap - item.width, y0: item.y - item.height / 2, x1: item.x - gap, y1: item.y + item.height / 2 };
    case 'above':
      return { x0: item.x - item.width / 2, y0: item.y - gap - item.height, x1: item.x + item.width / 2, y1: item.y - gap };
    case 'below':
      return { x0: item.x - item.width / 2, y0: item.y + gap, x1: item.x + item.width / 2, y1: item.y + gap + item.height };
    case 'right-up':
    case 'right-down':
    case 'left-up':
    case 'left-down': {
      const beside = labelBox(item, side.startsWith('right') ? 'right' : 'left', dotR);
      const dy = side.endsWith('up') ? -item.height : item.height;
      return { ...beside, y0: beside.y0 + dy, y1: beside.y1 + dy };
    }
    case 'above-far':
      return { x0: item.x - item.width / 2, y0: item.y - gap - 2 * item.height, x1: item.x + item.width / 2, y1: item.y - gap - item.height };
    case 'below-far':
      return { x0: item.x - item.width / 2, y0: item.y + gap + item.height, x1: item.x + item.width / 2, y1: item.y + gap + 2 * item.height };
  }
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The side for each item's label, by id. `dotR` is the dots' radius in map coordinates; a label's part outside
 * `bounds` (the map) counts as overlap, so a label at the map's edge turns inwards.
 */
export function placeLabels(items: readonly LabelItem[], dotR: number, bounds?: { readonly width: number; readonly height: number }): Map<string, LabelSide> {
  const dots: Box[] = items.map((i) => ({ x0: i.x - dotR, y0: i.y - dotR, x1: i.x + dotR, y1: i.y + dotR }));
  const placed: Box[] = [];
  const sides = new Map<string, LabelSide>();
  for (const item of items) {
    const order = [item.preferred, ...SIDES.filter((s) => s !== item.preferred)];
    let best: { side: LabelSide; box: Box; cost: number } | null = null;
    // A margin of a sixth of a line around each label: the sizes are estimates, and touching labels read as one.
    const margin = item.height / 6;
    for (const side of order) {
      const tight = labelBox(item, side, dotR);
      const box = { x0: tight.x0 - margin, y0: tight.y0 - margin, x1: tight.x1 + margin, y1: tight.y1 + margin };
      let cost = 0;
      for (const other of placed) cost += overlap(box, other);
      for (const dot of dots) cost += overlap(box, dot);
      if (bounds) {
        const area = (box.x1 - box.x0) * (box.y1 - box.y0);
        cost += area - overlap(box, { x0: 0, y0: 0, x1: bounds.width, y1: bounds.height });
      }
      if (best === null || cost < best.cost) best = { side, box, cost };
      if (cost === 0) break;
    }
    if (best) {
      sides.set(item.id, best.side);
      placed.push(best.box);
    }
  }
  return sides;
}

/** A label's width in CSS px for `text` at `fontPx`: about 0.62 em a character in the map's bold sans. */
export function textWidthPx(text: string, fontPx: number): number {
  return text.length * fontPx * 0.62;
}
