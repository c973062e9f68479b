/** The bundled drills, to pick one to play (lazy: it carries the drills and presets). */
import { DRILLS } from '../../engine/index.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const selectRequest = (s: AppState) => s.drillRequested;

export function DrillGallery({ onDone }: { onDone: () => void }) {
  const request = useApp(selectRequest);
  return (
    <ul className="gallery__list" data-testid="drill-gallery">
      {DRILLS.map(({ drill }) => (
        <li key={drill.id} className="gallery__item">
          <button
            type="button"
            className="gallery__open"
            data-testid={`drill:${drill.id}`}
            onClick={() => {
              request(drill, drill.id);
              onDone();
            }}
          >
            <span className="gallery__title">{drill.title}</span>
            <span className="gallery__summary">{drill.summary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
