import type { ReactNode } from 'react';
import type { ChartSize, Tick } from './axes.ts';

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
}

interface Props {
  readonly id: string;
  readonly title: string;
  /** Units and how to read the marks, shown beside the title. */
  readonly unit: string;
  readonly size: ChartSize;
  readonly xTicks?: readonly Tick[];
  readonly yTicks?: readonly Tick[];
  readonly nowX?: number;
  readonly legend?: readonly LegendItem[];
  /** Text for screen readers: what the chart shows now. */
  readonly summary: string;
  readonly empty?: string | null;
  readonly children: ReactNode;
}

/** A chart's frame: title with units, grid and tick labels, the simulated clock, a legend; the marks inside. */
export function ChartFrame({ id, title, unit, size, xTicks = [], yTicks = [], nowX, legend = [], summary, empty, children }: Props) {
  const { width, height, margin } = size;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title} <span className="chart__unit">({unit})</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart__svg" role="img" aria-label={summary}>
        {yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line className="chart__grid" x1={margin.left} x2={width - margin.right} y1={t.at} y2={t.at} />
            <text className="chart__tick" x={margin.left - 6} y={t.at} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t.value}`} className="chart__tick" x={t.at} y={height - 8} textAnchor="middle">
            {t.label}
          </text>
        ))}
        {nowX !== undefined && <line className="chart__now" x1={nowX} x2={nowX} y1={margin.top} y2={height - margin.bottom} />}
        {children}
        {empty && (
          <text className="chart__empty" x={(margin.left + width - margin.right) / 2} y={(margin.top + height - margin.bottom) / 2} textAnchor="middle">
            {empty}
          </text>
        )}
      </svg>
      {legend.length > 0 && (
        <ul className="chart__legend">
          {legend.map((item) => (
            <li key={item.key}>
              <span className={`chart__swatch${item.dashed ? ' is-dashed' : ''}`} style={{ borderColor: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
