/**
 * Metrics windows as CSV, one row per second and population (latency, outcomes, serving region) and one per
 * second and region (served, dropped, capacity): long format, so a spreadsheet can pivot it. Ids are the
 * scenario's (letters, digits, `_ . -`), so no cell can start a formula.
 */
import type { MetricsWindow } from '../metrics/window.ts';

const cell = (value: number): string => (Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '');

/** The ids of a window's populations and regions, by index. */
export interface WindowIds {
  readonly userIds: readonly string[];
  readonly regionIds: readonly string[];
}

/**
 * `ids` names the populations and regions of every window, or of each window (a run whose live edits added or
 * removed some: `ids[i]` for `windows[i]`).
 */
export function metricsCsv(windows: readonly MetricsWindow[], ids: WindowIds | readonly WindowIds[]): string {
  const rows = ['startS,kind,id,readP50Ms,readP99Ms,writeP50Ms,writeP99Ms,ok,failed,servedBy,regionServed,regionDropped,capacityQps'];
  for (const [index, w] of windows.entries()) {
    const { userIds, regionIds } = ('userIds' in ids ? ids : ids[index]) ?? { userIds: [], regionIds: [] };
    w.users.forEach((u, i) => {
      rows.push([cell(w.startS), 'population', userIds[i] ?? '', cell(u.readP50Ms), cell(u.readP99Ms), cell(u.writeP50Ms), cell(u.writeP99Ms), cell(u.ok), cell(u.failed), u.servedBy >= 0 ? (regionIds[u.servedBy] ?? '') : '', '', '', ''].join(','));
    });
    w.regionServed.forEach((served, r) => {
      const dropped = w.detail?.regions.dropped[r] ?? Number.NaN;
      const capacity = w.detail?.regions.capacityQps[r] ?? Number.NaN;
      rows.push([cell(w.startS), 'region', regionIds[r] ?? '', '', '', '', '', '', '', '', cell(served), cell(dropped), cell(capacity)].join(','));
    });
  }
  return `${rows.join('\n')}\n`;
}
