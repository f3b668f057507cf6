/**
 * The participants of a bulk edit: "select all / none" (and any other quick selections the view offers) and
 * one checkbox per participant with what it has now. Shared by the overviews' bulk forms so that they look
 * and read the same; at 290 participants the list scrolls inside the dialog instead of making it endless.
 */
import type { ReactNode } from 'react';
import { Button } from '../components/button';
import './editing.css';

export interface QuickSelection {
  label: string;
  codes(): string[];
}

export interface ParticipantChecklistProps {
  legend: string;
  participants: ReadonlyArray<{ code: string; name: string }>;
  selected: readonly string[];
  onChange(selected: string[]): void;
  /** Prefix of each checkbox's id; the first is `${idPrefix}-0`, which a form focuses when nothing is chosen. */
  idPrefix: string;
  /** Buttons before the list, e.g. select all, select those not done, clear. */
  quick: readonly QuickSelection[];
  /** What the participant has now, beside its name. */
  badge?(code: string): ReactNode;
  /** A note under the buttons (e.g. how many calls the save takes) and an error read with the group. */
  note?: ReactNode;
  errorId?: string;
  error?: string | null;
}

export function ParticipantChecklist({ legend, participants, selected, onChange, idPrefix, quick, badge, note, errorId, error }: ParticipantChecklistProps) {
  const chosen = new Set(selected);
  const toggle = (code: string) => onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="io-fieldset" aria-describedby={error && errorId ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="rs-bulk__select">
        {quick.map((q) => (
          <Button key={q.label} appearance="subtle" onClick={() => onChange(q.codes())}>
            {q.label}
          </Button>
        ))}
      </div>
      {note}
      <div className="io-bulk-checklist">
        {participants.map((p, i) => {
          const id = `${idPrefix}-${i}`;
          return (
            <div className="io-checkbox" key={p.code}>
              <input type="checkbox" className="io-checkbox__input" id={id} checked={chosen.has(p.code)} onChange={() => toggle(p.code)} />
              <label htmlFor={id} className="io-checkbox__label rs-bulk__region">
                <span>{p.name}</span>
                {badge?.(p.code)}
              </label>
            </div>
          );
        })}
      </div>
      {error && errorId ? (
        <p className="io-visually-hidden" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
