import type { ReactNode } from 'react';

export type SectionAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

export interface SectionMessageProps {
  appearance: SectionAppearance;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** role=alert for errors the user just caused; leave off for messages that are part of the page. */
  role?: 'alert' | 'status';
  className?: string;
}

const ICONS: Record<SectionAppearance, ReactNode> = {
  information: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path className="io-icon__knockout" d="M8 7.2v4M8 4.6v.4" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  discovery: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path className="io-icon__knockout" d="M6.2 6.2a1.9 1.9 0 1 1 2.5 1.8c-.5.2-.7.6-.7 1.1v.4M8 11.6v.2" fill="none" strokeWidth="1.5" strokeLinecap="round" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.2L15.2 14.3H.8z" fill="currentColor" strokeLinejoin="round" />
      <path className="io-icon__knockout" d="M8 6v3.6M8 11.8v.2" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  error: (
    <>
      <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor" />
      <path className="io-icon__knockout" d="M8 4.6v4.2M8 11.2v.2" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  success: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path className="io-icon__knockout" d="M5 8.2l2 2 4-4.2" fill="none" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
};

/** An ADS-style section message: a tinted box with an icon whose shape says the kind of message. */
export function SectionMessage({ appearance, title, children, actions, role, className }: SectionMessageProps) {
  return (
    <section className={`io-section-message io-section-message--${appearance}${className ? ` ${className}` : ''}`} role={role}>
      <svg className="io-section-message__icon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
        {ICONS[appearance]}
      </svg>
      <div className="io-section-message__content">
        {title ? <p className="io-section-message__title">{title}</p> : null}
        {children ? <div className="io-section-message__body">{children}</div> : null}
        {actions ? <div className="io-section-message__actions">{actions}</div> : null}
      </div>
    </section>
  );
}
