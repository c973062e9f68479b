import { useState, type PointerEvent, type ReactNode } from 'react';
import { timeAtX, type ChartSize, type Tick } from './axes.ts';

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
  /** With both: pointing at the plot shows the values at that second (lines of text). */
  readonly durationS?: number;
  readonly valuesAt?: (timeS: number) => readonly string[];
  readonly children: ReactNode;
}

/** A chart's frame: title with units, grid and tick labels, the simulated clock, a legend; the marks inside. */
export function ChartFrame({ id, title, unit, size, xTicks = [], yTicks = [], nowX, legend = [], summary, empty, durationS, valuesAt, children }: Props) {
  const { width, height, margin } = size;
  const [pointerX, setPointerX] = useState<number | null>(null);
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setPointerX(box.width > 0 ? ((event.clientX - box.left) / box.width) * width : null);
  };
  const hoverS = pointerX === null || durationS === undefined || !valuesAt ? null : timeAtX(pointerX, durationS, size);
  const hoverLines = hoverS === null || !valuesAt ? [] : [`${Math.floor(hoverS)} s`, ...valuesAt(hoverS)];
  const boxLeft = pointerX !== null && pointerX > width / 2;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title} <span className="chart__unit">({unit})</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart__svg"
        role="img"
        aria-label={summary || `${title}: nothing yet`}
        onPointerMove={valuesAt ? onPointerMove : undefined}
        onPointerLeave={valuesAt ? () => setPointerX(null) : undefined}
      >
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
        {pointerX !== null && hoverLines.length > 0 && (
          <g className="chart__hover" data-testid={`${id}-hover`} pointerEvents="none">
            <line className="chart__hover-line" x1={pointerX} x2={pointerX} y1={margin.top} y2={height - margin.bottom} />
            <rect
              className="chart__hover-box"
              x={boxLeft ? pointerX - 6 - 170 : pointerX + 6}
              y={margin.top}
              width={170}
              height={6 + hoverLines.length * 12}
              rx={3}
            />
            {hoverLines.map((line, i) => (
              <text key={i} className="chart__hover-text" x={(boxLeft ? pointerX - 170 : pointerX + 12) - 0} y={margin.top + 13 + i * 12}>
                {line}
              </text>
            ))}
          </g>
        )}
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
