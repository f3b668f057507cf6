import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  /** Called on Escape, on the close button and on Cancel buttons wired by the caller. */
  onClose(): void;
  children: ReactNode;
  /** Buttons, right-aligned at the bottom. */
  footer?: ReactNode;
  /** A short line under the title, linked as the dialog's description. */
  description?: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** Where focus goes on open; defaults to the first focusable element in the body. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Form dialogs: the body and footer sit in one <form> that calls this on submit (Enter in a field). */
  onSubmit?(): void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * An accessible modal on the native <dialog> (showModal makes the rest of the app inert). Inside a macro
 * iframe, Tab would otherwise leave the dialog for the host page, so focus is also trapped by hand. Escape
 * closes; focus returns to what had it before. While open, the document gets a minimum height so the
 * auto-resized iframe is tall enough to show the whole dialog.
 */
export function Dialog({ open, title, onClose, children, footer, description, size = 'medium', initialFocusRef, onSubmit }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.documentElement.classList.add('io-dialog-open');
    // Escape fires "cancel"; the caller owns the open state, so ask it to close instead of closing here.
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    if (!dialog.open) dialog.showModal();
    // The first field of the body, not the header's close button: scope the whole selector list to the body.
    const target = initialFocusRef?.current ?? dialog.querySelector('.io-dialog__body')?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      document.documentElement.classList.remove('io-dialog-open');
      const back = returnFocusTo.current;
      if (back && back.isConnected) back.focus();
    };
  }, [open, initialFocusRef]);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  if (!open) return null;

  const content = (
    <>
      <div className="io-dialog__body">{children}</div>
      {footer ? <div className="io-dialog__footer">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`io-dialog io-dialog--${size}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={trapTab}
    >
      <div className="io-dialog__header">
        <h2 className="io-dialog__title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="io-icon-button" onClick={() => onCloseRef.current()} aria-label={t('close')}>
          <svg className="io-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {description ? (
        <p className="io-dialog__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {onSubmit ? (
        <form
          className="io-dialog__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}
