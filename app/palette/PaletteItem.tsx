import { useLayoutEffect, useRef, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { PALETTE_MIME, writePayload, type PalettePayload } from './dragPayload.ts';

interface Props {
  readonly payload: PalettePayload;
  /** Adds the entry (click, Enter or Space). */
  readonly onAdd: () => void;
  readonly label: string;
  readonly children: ReactNode;
  readonly testId: string;
  /** The entry in force (the routing layer chosen): aria-selected. */
  readonly pressed?: boolean;
  /** Tooltip; by default the label and how to add it. */
  readonly title?: string;
}

const OPTION = '[role="option"]';

/** Makes `option` the list's one tab stop (roving tabindex). */
function makeTabStop(list: Element, option: Element): void {
  for (const other of list.querySelectorAll<HTMLElement>(OPTION)) other.tabIndex = other === option ? 0 : -1;
}

/**
 * A list of palette entries as one tab stop: a listbox whose options the arrow keys (and Home, End) move between,
 * so Tab goes past a catalogue of 139 regions in one press rather than 139.
 */
export function PaletteList({ label, children }: { label: string; children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  // After each render exactly one option is the tab stop: the one that was, else the first.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const options = [...element.querySelectorAll<HTMLElement>(OPTION)];
    const stop = options.find((o) => o.tabIndex === 0) ?? options[0];
    if (stop) makeTabStop(element, stop);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const options = [...event.currentTarget.querySelectorAll<HTMLElement>(OPTION)];
    const at = options.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: options.length - 1 }[event.key];
    const next = to === undefined ? undefined : options[to];
    if (!next) return;
    event.preventDefault();
    makeTabStop(event.currentTarget, next);
    next.focus();
  };
  return (
    <ul ref={list} className="palette__list" role="listbox" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </ul>
  );
}

/** One entry of the palette: drag it onto the map, or press it (Enter or Space) to add it at its real place. */
export function PaletteItem({ payload, onAdd, label, children, testId, pressed, title }: Props) {
  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(PALETTE_MIME, writePayload(payload));
    event.dataTransfer.setData('text/plain', label);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation(); // the run's Space shortcut stays out of it
    onAdd();
  };
  return (
    <li
      role="option"
      tabIndex={-1}
      aria-selected={pressed ?? false}
      className="palette__item"
      draggable
      onDragStart={onDragStart}
      onClick={onAdd}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const list = event.currentTarget.closest('[role="listbox"]');
        if (list) makeTabStop(list, event.currentTarget);
      }}
      aria-label={label}
      title={title ?? `${label}: drag onto the map, or press Enter`}
      data-testid={testId}
    >
      {children}
    </li>
  );
}
