import { describe, expect, it } from 'vitest';
import { overlayMarks } from './compareMarks.ts';

describe('the A/B overlay', () => {
  it('draws one path per population and variant on shared scales, skipping seconds with no reads', () => {
    const a = { readP50: { berlin: [[0, 40], [1, 42], [2, Number.NaN], [3, 41]] as [number, number][] }, writeP50: { berlin: [[0, 5]] as [number, number][] } };
    const b = { readP50: { berlin: [[0, 120], [1, 118], [2, 121], [3, 119]] as [number, number][] }, writeP50: { berlin: [[0, 500]] as [number, number][] } };
    const marks = overlayMarks(a, b, 400, 200);
    expect(marks.paths.map((p) => `${p.user}/${p.variant}`)).toEqual(['berlin/A', 'berlin/B']);
    expect(marks.paths[0]?.d.match(/M/g)).toHaveLength(2); // the NaN second breaks A's line in two
    expect(marks.paths[1]?.d.match(/M/g)).toHaveLength(1);
    // B's higher latency sits higher on screen (smaller y) than A's.
    const firstY = (d: string) => Number(/^M[\d.]+,([\d.]+)/.exec(d)?.[1]);
    expect(firstY(marks.paths[1]?.d ?? '')).toBeLessThan(firstY(marks.paths[0]?.d ?? ''));
    expect(marks.yTicks.at(-1)?.label).toBe('120');
    expect(overlayMarks(a, b, 400, 200, 'writeP50').yTicks.at(-1)?.label).toBe('500'); // writes on their own scale
  });
});
