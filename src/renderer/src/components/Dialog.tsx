// A modal dialog on the native <dialog> element: showModal() gives focus trapping, Escape to close
// and an inert background for free, with no focus-management code of our own to get wrong.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, open, onClose, children, className = '' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `dialog-title-${title.replace(/\W+/g, '-').toLowerCase()}`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element; a dialog can name a safer first focus (the
      // "keep" button of a destructive confirmation) with data-autofocus. React's autoFocus fires before
      // the dialog is shown, when nothing in it can take focus yet.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className={`dialog ${className}`} aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
