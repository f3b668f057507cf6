import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** Buttons or a form that lead to the next step. */
  actions?: ReactNode;
  /** Heading level inside the page; macros sit under the page's own headings. */
  headingLevel?: 2 | 3 | 4;
}

/** A calm panel that says why there is nothing here and, when the viewer can act, what to do next. */
export function EmptyState({ title, children, actions, headingLevel = 2 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <div className="io-empty-state">
      <svg className="io-empty-state__art" viewBox="0 0 64 48" width="64" height="48" aria-hidden="true" focusable="false">
        <rect className="io-empty-state__sheet" x="6" y="6" width="52" height="36" rx="4" />
        <path className="io-empty-state__lines" d="M14 16h24M14 24h36M14 32h18" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <Heading className="io-empty-state__title">{title}</Heading>
      {children ? <div className="io-empty-state__body">{children}</div> : null}
      {actions ? <div className="io-empty-state__actions">{actions}</div> : null}
    </div>
  );
}
