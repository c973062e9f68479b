import { describe, expect, it } from 'vitest';
import { labelScale, MAX_LABEL_SCALE } from './labelScale.ts';

describe('labelScale', () => {
  it('keeps labels about 9 px on screen when the whole world is in view', () => {
    for (const zoom of [0.25, 0.3, 0.45, 0.6]) expect(12 * labelScale(zoom) * zoom).toBeCloseTo(9, 5);
  });
  it('lets labels grow with the map once zoomed in, and caps the enlargement far out', () => {
    expect(labelScale(0.75)).toBe(1);
    expect(labelScale(4)).toBe(1);
    expect(labelScale(0.1)).toBe(MAX_LABEL_SCALE);
  });
  it('ignores a zoom that is not a zoom', () => {
    expect(labelScale(0)).toBe(1);
    expect(labelScale(Number.NaN)).toBe(1);
    expect(labelScale(-1)).toBe(1);
  });
});
