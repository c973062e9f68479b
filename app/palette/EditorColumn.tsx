import { Palette } from './Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';

/** The editing column beside the map: what to add (palette) above, the selection's settings (inspector) below. */
export function EditorColumn() {
  return (
    <div className="editor-column">
      <Palette />
      <Inspector />
    </div>
  );
}
