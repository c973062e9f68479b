import { describe, expect, it } from 'vitest';
import { rowWindow } from './readoutWindow.ts';

describe('rowWindow', () => {
  it('renders the rows in view and the overscan either side, with spacers for the rest', () => {
    // 100 rows of 25 px, a 300-px box scrolled to row 40.
    const w = rowWindow(100, 1000, 300, 25, 4);
    expect(w).toEqual({ first: 36, end: 56, beforePx: 900, afterPx: 1100 });
    expect(w.beforePx + (w.end - w.first) * 25 + w.afterPx).toBe(2500);
  });

  it('clamps at the top and the bottom', () => {
    expect(rowWindow(100, 0, 300, 25, 4)).toEqual({ first: 0, end: 16, beforePx: 0, afterPx: 2100 });
    expect(rowWindow(100, 99_999, 300, 25, 4)).toEqual({ first: 100, end: 100, beforePx: 2500, afterPx: 0 });
    expect(rowWindow(100, 2200, 300, 25, 4)).toEqual({ first: 84, end: 100, beforePx: 2100, afterPx: 0 });
  });

  it('renders every row of a short table', () => {
    expect(rowWindow(3, 0, 300, 25)).toEqual({ first: 0, end: 3, beforePx: 0, afterPx: 0 });
  });

  it('survives nonsense measurements', () => {
    expect(rowWindow(10, Number.NaN, Number.NaN, 25)).toEqual({ first: 0, end: 4, beforePx: 0, afterPx: 150 });
    expect(rowWindow(10, -50, 300, 0)).toEqual({ first: 0, end: 10, beforePx: 0, afterPx: 0 });
    expect(rowWindow(0, 0, 300, 25)).toEqual({ first: 0, end: 0, beforePx: 0, afterPx: 0 });
  });
});
