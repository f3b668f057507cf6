import type { ReactNode } from 'react';

/** Text for screen readers only, e.g. the full status label behind a short visible one. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="io-visually-hidden">{children}</span>;
}
