import { lazy, Suspense } from 'react';

/**
 * The palette and inspector load just after the first paint, in their own chunk: the map and the first
 * measurements come first, and the main chunk stays within its budget.
 */
const EditorColumn = lazy(() => import('./EditorColumn.tsx').then((m) => ({ default: m.EditorColumn })));

export function LazyEditorColumn() {
  return (
    <Suspense fallback={<div className="editor-column" aria-busy="true" />}>
      <EditorColumn />
    </Suspense>
  );
}
