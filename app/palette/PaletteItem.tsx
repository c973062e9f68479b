import type { DragEvent, KeyboardEvent, ReactNode } from 'react';
import { PALETTE_MIME, writePayload, type PalettePayload } from './dragPayload.ts';

interface Props {
  readonly payload: PalettePayload;
  /** Adds the entry (click, Enter or Space). */
  readonly onAdd: () => void;
  readonly label: string;
  readonly children: ReactNode;
  readonly testId: string;
  readonly pressed?: boolean;
  /** Tooltip; by default the label and how to add it. */
  readonly title?: string;
}

/** Up and down arrows move between the entries of one list. */
function moveFocus(event: KeyboardEvent<HTMLButtonElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...(event.currentTarget.closest('.palette__list')?.querySelectorAll<HTMLButtonElement>('.palette__item') ?? [])];
  const at = items.indexOf(event.currentTarget);
  const next = items[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** One entry of the palette: drag it onto the map, or press it (Enter) to add it at its real place. */
export function PaletteItem({ payload, onAdd, label, children, testId, pressed, title }: Props) {
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(PALETTE_MIME, writePayload(payload));
    event.dataTransfer.setData('text/plain', label);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className="palette__item"
        draggable
        onDragStart={onDragStart}
        onClick={onAdd}
        onKeyDown={moveFocus}
        aria-label={label}
        title={title ?? `${label}: drag onto the map, or press Enter`}
        aria-pressed={pressed}
        data-testid={testId}
      >
        {children}
      </button>
    </li>
  );
}
