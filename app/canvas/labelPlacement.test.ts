import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelItem } from './labelPlacement.ts';

const item = (id: string, x: number, y: number, preferred: LabelItem['preferred'] = 'right'): LabelItem => ({ id, x, y, width: 60, height: 14, preferred });

describe('map labels avoid each other', () => {
  it('turns a label at the edge of the map inwards', () => {
    expect(placeLabels([item('tokyo', 990, 50)], 8, { width: 1000, height: 500 }).get('tokyo')).not.toMatch(/^right/);
  });
  it('keeps every label on its preferred side when nothing is in the way', () => {
    expect([...placeLabels([item('a', 0, 0), item('b', 0, 100)], 8)]).toEqual([
      ['a', 'right'],
      ['b', 'right'],
    ]);
  });
  it('moves a label that would cover one placed before it (Chicago beside New York)', () => {
    const sides = placeLabels([item('new-york', 100, 50), item('chicago', 60, 46)], 8);
    expect(sides.get('new-york')).toBe('right');
    const chicago = labelBox(item('chicago', 60, 46), sides.get('chicago') ?? 'right', 8);
    const newYork = labelBox(item('new-york', 100, 50), 'right', 8);
    const apart = chicago.x1 <= newYork.x0 || chicago.x0 >= newYork.x1 || chicago.y1 <= newYork.y0 || chicago.y0 >= newYork.y1;
    expect(apart).toBe(true);
    // And it does not sit on the other dot either.
    const dotNy = { x0: 92, y0: 42, x1: 108, y1: 58 };
    const onDot = !(chicago.x1 <= dotNy.x0 || chicago.x0 >= dotNy.x1 || chicago.y1 <= dotNy.y0 || chicago.y0 >= dotNy.y1);
    expect(onDot).toBe(false);
  });
});
