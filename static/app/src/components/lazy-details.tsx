import { useState, type ReactNode } from 'react';

/**
 * A <details> whose content is only built once it is opened. Closed disclosures (notes, contact lists)
 * hold most of a view's rows; building them for every initiative up front cost more than the visible
 * tables. Once opened, the content stays built, so closing and reopening keeps scroll and focus state.
 */
export function LazyDetails({ summary, className, children }: { summary: ReactNode; className?: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className ?? 'io-details'} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children() : null}
    </details>
  );
}
