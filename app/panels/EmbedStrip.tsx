/** The compact embed's metrics strip: availability and each population's read latency, in one line. */
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { formatMs } from '../format/duration.ts';
import { stripFigures } from './embedStrip.ts';

const selectLatest = (s: AppState) => s.watch.latest;
const selectNames = (s: AppState) => s.scenario.users;

export function EmbedStrip() {
  const figures = stripFigures(useApp(selectLatest));
  const users = useApp(selectNames);
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const availability = figures.availability === null ? '-' : `${Math.round(figures.availability * 1000) / 10}%`;
  return (
    <section className="embed-strip" aria-label="Last simulated second" data-testid="embed-strip">
      <span className="embed-strip__figure">
        Available <strong data-testid="embed-availability">{availability}</strong>
      </span>
      {figures.users.map((u) => (
        <span key={u.id} className="embed-strip__figure">
          {name(u.id)} <strong>{Number.isFinite(u.readP50Ms) ? formatMs(u.readP50Ms) : '-'}</strong>
        </span>
      ))}
    </section>
  );
}
