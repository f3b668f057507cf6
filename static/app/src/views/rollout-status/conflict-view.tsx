import type { ConflictField } from './conflict';
import { fieldLabel, formatFieldValue } from './field-labels';
import { useEditorText } from './use-editor-text';

/** For each field both values side by side; the choice is made with the dialog's buttons. */
export function ConflictView({ fields }: { fields: ConflictField[] }) {
  const { t, locale } = useEditorText();
  return (
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
  );
}
