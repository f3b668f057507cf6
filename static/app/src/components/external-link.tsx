import type { MouseEvent, ReactNode } from 'react';
import { router } from '../bridge';
import { useI18n } from '../i18n';

/** Only web links become anchors; anything else (javascript:, data:) is shown as plain text. */
export function isWebLink(href: string | null | undefined): href is string {
  if (!href) return false;
  try {
    const u = new URL(href);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export interface ExternalLinkProps {
  href: string | null | undefined;
  children: ReactNode;
  className?: string;
}

/**
 * A link out of the macro. The iframe sandbox may block plain target=_blank, so the click goes through
 * Forge's router.open; the href stays for copying, the status bar and assistive technology.
 */
export function ExternalLink({ href, children, className }: ExternalLinkProps) {
  const { t } = useI18n();
  if (!isWebLink(href)) return <span className={className}>{children}</span>;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void router.open(href).catch(() => window.open(href, '_blank', 'noopener,noreferrer'));
  };
  return (
    <a className={`io-link${className ? ` ${className}` : ''}`} href={href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {children}
      <span className="io-visually-hidden"> {t('opensInNewTab')}</span>
      <svg className="io-icon io-link__icon" viewBox="0 0 16 16" width="10" height="10" aria-hidden="true" focusable="false">
        <path d="M6 3H3v10h10v-3M9 2h5v5M14 2L7.5 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </a>
  );
}
