import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import type { LatencyPoint } from '../store/runSlice.ts';
import { populationColor } from '../charts/palette.ts';

const select = (s: AppState) => ({ series: s.series, users: s.scenario.users });

/** The last complete simulated second of a population, or undefined before the first. */
function latest(points: readonly LatencyPoint[] | undefined): LatencyPoint | undefined {
  return points?.[points.length - 1];
}

/** Share of the second's finished requests that succeeded. */
const percent = (point: LatencyPoint | undefined): string => {
  const finished = (point?.ok ?? 0) + (point?.failed ?? 0);
  return point && finished > 0 ? `${Math.floor((100 * point.ok) / finished)}` : '-';
};

const ms = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '-' : `${Math.round(value)}`);

/** Each population's latency in the last simulated second, and the region serving it. */
export const LatencyReadout = memo(function LatencyReadout() {
  const { series, users } = useApp(useShallow(select));
  return (
    <table className="readout">
      <caption>Last simulated second, per population (latency in ms)</caption>
      <thead>
        <tr>
          <th scope="col">Population</th>
          <th scope="col">Served by</th>
          <th scope="col">Read p50</th>
          <th scope="col">Read p99</th>
          <th scope="col">Write p50</th>
          <th scope="col">OK %</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user, i) => {
          const point = latest(series[user.id]);
          return (
            <tr key={user.id} data-testid={`readout-${user.id}`}>
              <th scope="row">
                <span className="readout__swatch" style={{ background: populationColor(i) }} aria-hidden="true" />
                {user.name ?? user.id}
              </th>
              <td>{point?.servedBy ?? '-'}</td>
              <td data-testid={`read-p50-${user.id}`}>{ms(point?.readP50Ms)}</td>
              <td>{ms(point?.readP99Ms)}</td>
              <td>{ms(point?.writeP50Ms)}</td>
              <td data-testid={`availability-${user.id}`}>{percent(point)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
