import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

type Props = { title: string; onCancel: () => void; children: ComponentChildren; class?: string };

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside and closes it on Escape.
 * Focus goes to the first field on open and back to whatever opened it on close.
 */
export function Dialog({ title, onCancel, children, class: extra }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dialog${extra ? ` ${extra}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} class="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
