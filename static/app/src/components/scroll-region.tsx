import type { ReactNode } from 'react';

/**
 * A labelled container that scrolls sideways at narrow widths (WCAG 1.4.10). It is focusable so a
 * keyboard user can scroll it with the arrow keys even where it holds nothing else focusable (2.1.1).
 */
export function ScrollRegion({ labelledBy, describedBy, className, children }: { labelledBy: string; describedBy?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`rs-scroll${className ? ` ${className}` : ''}`} role="region" aria-labelledby={labelledBy} aria-describedby={describedBy} tabIndex={0}>
      {children}
    </div>
  );
}
