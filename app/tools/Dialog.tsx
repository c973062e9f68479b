/** A modal dialog on the native <dialog> element: focus is kept inside, Escape and the close button close it. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, open, onClose, children, testId }: { title: string; open: boolean; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="tools-dialog" aria-label={title} onClose={onClose} data-testid={testId}>
      <header className="tools-dialog__header">
        <h2 className="tools-dialog__title">{title}</h2>
        <button type="button" className="tools-dialog__close" onClick={onClose} aria-label={`Close ${title}`}>
          ×
        </button>
      </header>
      {open ? <div className="tools-dialog__body">{children}</div> : null}
    </dialog>
  );
}
