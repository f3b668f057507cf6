import './region-choice.css';
import { useId, useMemo, type ChangeEvent } from 'react';
import type { Participant } from '@shared/model';
import { resolveChoice } from '@shared/participant-groups';
import { useAnnounce } from '../components/live-region';
import { useI18n } from '../i18n';
import { chooserGroups, chooserOptions } from './region-order';

export interface RegionChooserProps {
  participants: ReadonlyArray<Participant>;
  /** The chosen participant's or county's code, or null for "Alla". */
  value: string | null;
  onChange(code: string | null): void;
}

/**
 * "Min region": a native select (grouped programmes: a county too), so keyboard use, type-ahead and screen readers work as everywhere else,
 * and 290 municipalities stay one compact control. The choice applies to every macro on the page.
 */
export function RegionChooser({ participants, value, onChange }: RegionChooserProps) {
  const { t, locale } = useI18n();
  const announce = useAnnounce();
  const id = useId();
  const hintId = useId();
  const options = useMemo(() => chooserOptions(participants, locale), [participants, locale]);
  // Municipalities come grouped by county (decision 0027): an optgroup a county, read out with each option.
  const groups = useMemo(() => chooserGroups(participants, locale), [participants, locale]);

  const change = (e: ChangeEvent<HTMLSelectElement>) => {
    const code = e.target.value || null;
    onChange(code);
    const chosen = resolveChoice(participants, code);
    // Only the macro where the reader chose says so; the others follow quietly.
    announce(
      chosen === null
        ? t('regionChoiceCleared')
        : chosen.kind === 'group'
          ? t('countyChosen', { name: chosen.name })
          : t('regionChosen', { name: chosen.participant.name }),
    );
  };

  return (
    <div className="io-region-chooser io-no-print">
      <label htmlFor={id} className="io-region-chooser__label">
        {t('regionChooserLabel')}
      </label>
      <select id={id} className="io-region-chooser__select" value={value ?? ''} onChange={change} aria-describedby={hintId}>
        <option value="">{t('regionChooserAll')}</option>
        {groups
          ? groups.map((g) => (
              <optgroup key={g.code} label={g.code ? t('regionChooserCounty', { name: g.name }) : t('regionChooserOther')}>
                {/* The whole county first (decision 0027): its municipalities then come first in every overview. */}
                {g.code ? <option value={g.code}>{t('regionChooserWholeCounty', { name: g.name, count: g.participants.length })}</option> : null}
                {g.participants.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))
          : options.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
      </select>
      <span id={hintId} className="io-visually-hidden">
        {t('regionChooserHint')}
      </span>
    </div>
  );
}

/** "Din region" next to the chosen participant's name in a view; a words-and-shape mark, not colour alone. */
export function YourRegionTag() {
  const { t } = useI18n();
  return <span className="io-your-region">{t('yourRegion')}</span>;
}
