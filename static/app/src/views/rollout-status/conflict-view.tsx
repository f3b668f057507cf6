import type { ConflictField } from './conflict';
import { fieldLabel, formatFieldValue } from './field-labels';
import { useEditorText } from './use-editor-text';

/**
 * Who changed the record meanwhile and when, then for each field both values side by side; the choice is
 * made with the dialog's buttons.
 */
export function ConflictView({ fields, changedAt, changedByName }: { fields: ConflictField[]; changedAt?: string | null; changedByName?: string | null }) {
  const { t, locale, i18n } = useEditorText();
  const when = changedAt ? i18n.formatDateTime(changedAt) : null;
  return (
    <>
      {when ? (
        <p className="rs-conflict__changed">
          {changedByName ? t('conflictChangedBy', { name: changedByName, when }) : t('conflictChangedAt', { when })}
        </p>
      ) : null}
      <table className="io-table rs-conflict">
        <caption className="io-visually-hidden">{t('conflictCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflictField')}</th>
            <th scope="col">{t('conflictMine')}</th>
            <th scope="col">{t('conflictTheirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{fieldLabel(t, f.field)}</th>
              <td className="rs-note">{formatFieldValue(f.field, f.mine, locale, t)}</td>
              <td className="rs-note">{formatFieldValue(f.field, f.current, locale, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
