import type { ConflictField } from './conflict';
import type { FieldText } from './fields';
import { useEditingText } from './use-editing-text';
import './editing.css';

/**
 * Who changed the record meanwhile and when, then for each field both values side by side, named and
 * shown as the view's field catalogue says; the choice is made with the dialog's buttons.
 */
export function ConflictView<F extends string>({
  fields,
  text,
  changedAt,
  changedByName,
}: {
  fields: Array<ConflictField<F>>;
  text: FieldText<F>;
  changedAt?: string | null;
  changedByName?: string | null;
}) {
  const { t, i18n } = useEditingText();
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
              <th scope="row">{text.label(f.field)}</th>
              <td className="rs-note">{text.format(f.field, f.mine)}</td>
              <td className="rs-note">{text.format(f.field, f.current)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
