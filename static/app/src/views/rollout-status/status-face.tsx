import type { RolloutStatus } from '@shared/vocabulary';

/**
 * A status as its cell button shows it: a dense lozenge (a CSS-drawn shape and the label), hidden from
 * assistive technology because the button's hidden name says it in full. Defined once, so memoised cell
 * buttons stay equal.
 */
export function renderStatus(status: RolloutStatus, text: string) {
  return (
    <span className={`io-lozenge io-lozenge--${status} io-lozenge--dense`} data-status={status} aria-hidden="true">
      {text}
    </span>
  );
}
