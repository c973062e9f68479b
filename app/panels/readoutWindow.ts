/**
 * Which rows of a long table to put in the page: the ones in view and a few either side. The latency readout
 * shows one row per population (100 in the large scenario) and changes every simulated second, so rendering only
 * what can be seen keeps each update to a dozen rows of style, layout and paint.
 */

/** The rows to render, [first, end), and the blank space standing in for the rows above and below (px). */
export interface RowWindow {
  readonly first: number;
  readonly end: number;
  readonly beforePx: number;
  readonly afterPx: number;
}

/**
 * The window for a table of `rowCount` rows of `rowPx` each, scrolled to `scrollTopPx` in a box showing
 * `viewportPx`, with `overscan` extra rows either side (so a quick scroll does not show blank rows).
 */
export function rowWindow(rowCount: number, scrollTopPx: number, viewportPx: number, rowPx: number, overscan = 4): RowWindow {
  const count = Math.max(0, Math.floor(rowCount));
  if (count === 0 || !(rowPx > 0)) return { first: 0, end: count, beforePx: 0, afterPx: 0 };
  const top = Number.isFinite(scrollTopPx) ? Math.max(0, scrollTopPx) : 0;
  const view = Number.isFinite(viewportPx) ? Math.max(0, viewportPx) : 0;
  const first = Math.min(count, Math.max(0, Math.floor(top / rowPx) - overscan));
  const end = Math.min(count, Math.max(first, Math.ceil((top + view) / rowPx) + overscan));
  return { first, end, beforePx: first * rowPx, afterPx: (count - end) * rowPx };
}
