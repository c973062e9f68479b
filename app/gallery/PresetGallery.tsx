/**
 * The preset gallery: every pattern of the domain notes, grouped, each with its summary; opening one replaces
 * the scenario (the current one stays in the recent list and the undo history is cleared by the load).
 * Loaded lazily: it carries every preset's JSON.
 */
import { useMemo } from 'react';
import { PRESETS, type Preset } from '../../engine/index.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const selectOpen = (s: AppState) => s.presetOpened;
const selectActive = (s: AppState) => s.activePreset?.id ?? null;

export function PresetGallery({ onDone }: { onDone: () => void }) {
  const open = useApp(selectOpen);
  const active = useApp(selectActive);
  const groups = useMemo(() => {
    const byGroup = new Map<string, Preset[]>();
    for (const preset of PRESETS) byGroup.set(preset.group, [...(byGroup.get(preset.group) ?? []), preset]);
    return [...byGroup];
  }, []);
  return (
    <div className="gallery" data-testid="preset-gallery">
      {groups.map(([group, presets]) => (
        <section key={group} className="gallery__group" aria-label={group}>
          <h3 className="gallery__group-title">{group}</h3>
          <ul className="gallery__list">
            {presets.map((preset) => (
              <li key={preset.id} className="gallery__item" data-active={preset.id === active}>
                <button
                  type="button"
                  className="gallery__open"
                  data-testid={`preset:${preset.id}`}
                  onClick={() => {
                    open(preset);
                    onDone();
                  }}
                >
                  <span className="gallery__title">{preset.title}</span>
                  <span className="gallery__summary">{preset.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
