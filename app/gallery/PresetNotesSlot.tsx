/** Where an open preset's notes appear: their code loads with the first preset opened. */
import { lazy, Suspense } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';

const PresetNotes = lazy(() => import('./PresetNotes.tsx').then((m) => ({ default: m.PresetNotes })));
const selectOpen = (s: AppState) => s.activePreset !== null;

export function PresetNotesSlot() {
  const open = useApp(selectOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <PresetNotes />
    </Suspense>
  );
}
