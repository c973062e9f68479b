/**
 * The cross-region round-trip matrix as a heatmap: a cell per ordered pair of regions, its shade by RTT (one
 * colour, opacity from 0.12 at 0 ms to 1 at the largest), the number in it. From the report's links. Pure.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { LinkReport } from '../../engine/index.ts';

export interface RttCell {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** NaN on the diagonal and for pairs the report does not have. */
  readonly rttMs: number;
  readonly opacity: number;
  readonly label: string;
  /** Dark shade: write the number in the light text colour. */
  readonly strong: boolean;
}

export interface RttMarks {
  readonly cells: readonly RttCell[];
  readonly rowLabels: readonly { readonly id: string; readonly y: number }[];
  readonly colLabels: readonly { readonly id: string; readonly x: number }[];
  readonly width: number;
  readonly height: number;
  readonly maxMs: number;
}

export function rttMarks(links: readonly Pick<LinkReport, 'from' | 'to' | 'rttMs'>[], regionIds: readonly string[], labelWidth = 96, maxSize = 400): RttMarks {
  const n = Math.max(1, regionIds.length);
  const cell = Math.max(12, Math.min(48, Math.floor((maxSize - labelWidth) / n)));
  const band = scaleBand<string>().domain(regionIds).range([0, n * cell]).padding(0.06);
  const rtt = new Map(links.map((l) => [`${l.from}>${l.to}`, l.rttMs]));
  let maxMs = 1;
  for (const l of links) if (Number.isFinite(l.rttMs)) maxMs = Math.max(maxMs, l.rttMs);
  const shade = scaleLinear().domain([0, maxMs]).range([0.12, 1]).clamp(true);
  const top = 64;
  const cells: RttCell[] = [];
  for (const from of regionIds) {
    for (const to of regionIds) {
      const rttMs = from === to ? Number.NaN : (rtt.get(`${from}>${to}`) ?? Number.NaN);
      const opacity = Number.isFinite(rttMs) ? shade(rttMs) : 0;
      cells.push({
        key: `${from}>${to}`,
        from,
        to,
        x: labelWidth + (band(to) ?? 0),
        y: top + (band(from) ?? 0),
        size: band.bandwidth(),
        rttMs,
        opacity,
        label: Number.isFinite(rttMs) ? `${Math.round(rttMs)}` : '',
        strong: opacity > 0.6,
      });
    }
  }
  return {
    cells,
    rowLabels: regionIds.map((id) => ({ id, y: top + (band(id) ?? 0) + band.bandwidth() / 2 })),
    colLabels: regionIds.map((id) => ({ id, x: labelWidth + (band(id) ?? 0) + band.bandwidth() / 2 })),
    width: labelWidth + n * cell,
    height: top + n * cell,
    maxMs,
  };
}
