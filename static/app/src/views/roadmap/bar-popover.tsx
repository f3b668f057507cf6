import { useLayoutEffect, useRef } from 'react';
import type { ConsistencyWarning } from '@shared/contract';
import type { RolloutStatus } from '@shared/vocabulary';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { StatusLozenge } from '../../components/status-lozenge';
import { useMessages } from '../../i18n';
import { roadmapMessages } from './messages';

export interface BarDetails {
  /** The participant's full name, or "National window". */
  name: string;
  kind: 'pilot' | 'broad';
  /** The window in words ("March 2026 – June 2026"). */
  period: string;
  /** Participant rows only. */
  status: RolloutStatus | null;
  warnings: ReadonlyArray<ConsistencyWarning>;
  /** A county's row: how many of its municipalities have the window planned. */
  note?: string;
  /** A county's row: the bar opens and closes the county rather than a form. */
  group?: boolean;
}

const GAP = 6;
const MARGIN = 8;

/**
 * A bar's details next to it, on hover and on focus (WCAG 1.4.13): a manual popover in the top layer, so
 * the timeline's scroll container cannot clip it; it holds no controls, so it is a tooltip the bar is
 * described by. The timeline decides when it shows (hoverable: the pointer may move onto it; persistent
 * until hover and focus leave; Escape dismisses it without moving focus).
 *
 * SVG shapes cannot be CSS anchors, so it is placed from the bar's box through the CSSOM (decision 0023):
 * that is not a `style` attribute in markup, which Forge's CSP forbids (decision 0009).
 */
export function BarPopover({
  id,
  details,
  barId,
  sourceOf,
  editing,
  onPointerEnter,
  onPointerLeave,
}: {
  id: string;
  details: BarDetails | null;
  /** The bar shown, found in the drawing by `sourceOf` once it is drawn. */
  barId: string | null;
  sourceOf(barId: string): Element | null;
  editing: boolean;
  onPointerEnter(): void;
  onPointerLeave(): void;
}) {
  const tv = useMessages(roadmapMessages);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const source = barId !== null && details !== null ? sourceOf(barId) : null;
    if (!source) {
      if (el.matches(':popover-open')) el.hidePopover();
      return;
    }
    if (!el.matches(':popover-open')) el.showPopover();
    const place = () => {
      const bar = source.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      const left = Math.max(MARGIN, Math.min(bar.left, window.innerWidth - box.width - MARGIN));
      const below = bar.bottom + GAP;
      const top = below + box.height + MARGIN <= window.innerHeight ? below : Math.max(MARGIN, bar.top - GAP - box.height);
      el.style.setProperty('left', `${Math.round(left)}px`);
      el.style.setProperty('top', `${Math.round(top)}px`);
    };
    place();
    // The timeline scrolls sideways and the page scrolls: the popover follows its bar.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [barId, sourceOf, details]);

  useLayoutEffect(
    () => () => {
      const el = ref.current;
      if (el?.matches(':popover-open')) el.hidePopover();
    },
    [],
  );

  return (
    <div ref={ref} id={id} popover="manual" role="tooltip" className="io-tl-popover" onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {details ? (
        <>
          <p className="io-tl-popover__title">{details.name}</p>
          <dl className="io-tl-popover__details">
            <dt>{tv(details.kind === 'pilot' ? 'pilotPlanned' : 'broadPlanned')}</dt>
            <dd>{details.period}</dd>
            {details.status ? (
              <>
                <dt>{tv('status')}</dt>
                <dd>
                  <StatusLozenge status={details.status} />
                </dd>
              </>
            ) : null}
          </dl>
          {details.warnings.length > 0 ? (
            <div className="io-tl-popover__warnings">
              <p className="io-tl-popover__subtitle">{tv('remarks')}</p>
              <ConsistencyWarnings warnings={details.warnings} />
            </div>
          ) : null}
          {details.note ? <p>{details.note}</p> : null}
          {details.group ? <p className="io-tl-popover__hint">{tv('countyBarHint')}</p> : editing ? <p className="io-tl-popover__hint">{tv('barEditHint')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
