import { useId, useRef, useState } from 'react';
import type { CellView, InitiativeHeader } from '@shared/contract';
import type { CellField, Participant } from '@shared/model';
import { ROLLOUT_STATUSES } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../../components/field';
import { StatusLozenge } from '../../components/status-lozenge';
import {
  buildUpdateCell,
  CELL_FIELD_SHAPES,
  formFromCell,
  pickCellFields,
  validateCellForm,
  type CellFormState,
} from './cell-form';
import type { CellWrites } from './cell-writes';
import { conflictDialog } from './conflict-dialog';
import { ErrorSummary } from './error-summary';
import { CELL_FIELD_LABEL } from './field-labels';
import { usePatchSave } from './use-patch-save';
import { useEditorText } from './use-editor-text';

export interface CellEditDialogProps {
  initiative: InitiativeHeader;
  region: Participant;
  cell: CellView;
  writes: CellWrites;
  reload(): Promise<void>;
  onClose(): void;
}

/**
 * The cell form. Saving sends only the changed fields with the values they started from; the matrix
 * shows the change at once and rolls it back if the server refuses. The dialog stays open on failure
 * with everything the editor typed, and a conflict is shown field by field for the editor to decide.
 */
export function CellEditDialog({ initiative, region, cell, writes, reload, onClose }: CellEditDialogProps) {
  const { t, i18n } = useEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: CellField) => `${baseId}-${f}`;
  // The values the editor started from: `expected` for the server, and the baseline of "changed".
  const [initial] = useState(() => pickCellFields(cell));
  const [form, setForm] = useState<CellFormState>(() => formFromCell(initial));
  const checkedStatusRef = useRef<HTMLInputElement>(null);
  const { submit, saving, serverError, summary, attempt, fieldError: err, conflict, takeTheirs, keepMine } = usePatchSave({
    validate: () => validateCellForm(form),
    build: (fields) => buildUpdateCell(initiative.id, region.code, initial, fields),
    // The matrix shows the change at once, and drops it again if the server refuses.
    request: async (payload) => {
      writes.begin(initiative.id, [{ ...cell, ...payload.patch }]);
      const res = await invoke('updateCell', payload);
      if (res.ok) writes.succeed(initiative.id, [res.data.cell]);
      else writes.rollback(initiative.id, [region.code]);
      return res;
    },
    savedMessage: () => t('saved', { initiative: initiative.name, region: region.name }),
    shapes: CELL_FIELD_SHAPES,
    fieldId,
    label: (f) => t(CELL_FIELD_LABEL[f]),
    reload,
    onClose,
  });

  const set = <K extends keyof CellFormState>(key: K, value: CellFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  if (conflict) {
    return conflictDialog({ t, conflict, saving, onTakeTheirs: takeTheirs, onKeepMine: keepMine, onClose });
  }

  return (
    <Dialog
      open
      size="large"
      title={t('editCellDialog', { initiative: initiative.name, region: region.name })}
      description={t('editIntro')}
      onClose={onClose}
      onSubmit={submit}
      initialFocusRef={checkedStatusRef}
      footer={
        <>
          <Button onClick={onClose}>{i18n.t('cancel')}</Button>
          <Button type="submit" appearance="primary" isLoading={saving}>
            {saving ? i18n.t('saving') : i18n.t('save')}
          </Button>
        </>
      }
    >
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <ErrorSummary items={summary} attempt={attempt} />
      <fieldset className="io-fieldset rs-status-choice">
        <legend>{t('fieldStatus')}</legend>
        <div className="rs-status-choice__options">
          {ROLLOUT_STATUSES.map((s) => {
            const id = s === form.status ? fieldId('status') : `${fieldId('status')}-${s}`;
            return (
              <div className="io-radio rs-status-choice__option" key={s}>
                <input
                  type="radio"
                  id={id}
                  name={`${baseId}-status`}
                  value={s}
                  checked={form.status === s}
                  onChange={() => set('status', s)}
                  ref={form.status === s ? checkedStatusRef : undefined}
                />
                <label htmlFor={id}>
                  <StatusLozenge status={s} />
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <TextAreaField id={fieldId('note')} label={t('fieldNote')} value={form.note} error={err('note')} onChange={(e) => set('note', e.target.value)} />
      <TextField
        id={fieldId('link')}
        type="url"
        inputMode="url"
        label={t('fieldLink')}
        help={t('fieldLinkHelp')}
        value={form.link}
        error={err('link')}
        onChange={(e) => set('link', e.target.value)}
      />
      <fieldset className="io-fieldset">
        <legend>{t('groupPlans')}</legend>
        <div className="io-form__row">
          {(['pilotStart', 'pilotEnd', 'broadStart', 'broadEnd'] as const).map((f) => (
            <TextField
              key={f}
              id={fieldId(f)}
              // Text, not type="month": that control is missing in Firefox and Safari, and Chromium formats it
              // in the browser's language, not the page's; the form validates YYYY-MM itself.
              type="text"
              inputMode="numeric"
              autoComplete="off"
              label={t(CELL_FIELD_LABEL[f])}
              help={t('fieldMonthHelp')}
              placeholder="2026-03"
              value={form[f]}
              error={err(f)}
              onChange={(e) => set(f, e.target.value)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="io-fieldset">
        <legend>{t('groupContact')}</legend>
        <CheckboxField
          id={fieldId('contactEstablished')}
          label={t('fieldContactEstablished')}
          checked={form.contactEstablished}
          onChange={(e) => set('contactEstablished', e.target.checked)}
        />
        <div className="io-form__row">
          <TextField
            id={fieldId('contactSince')}
            // Text for the same reason as the months: the page's format (ÅÅÅÅ-MM-DD), in every browser.
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2026-03-15"
            label={t('fieldContactSince')}
            help={t('fieldDateHelp')}
            value={form.contactSince}
            error={err('contactSince')}
            onChange={(e) => set('contactSince', e.target.value)}
          />
          <TextField
            id={fieldId('regionalContact')}
            label={t('fieldRegionalContact')}
            help={t('fieldRegionalContactHelp')}
            value={form.regionalContact}
            error={err('regionalContact')}
            onChange={(e) => set('regionalContact', e.target.value)}
          />
          <TextField
            id={fieldId('nationalContact')}
            label={t('fieldNationalContact')}
            value={form.nationalContact}
            error={err('nationalContact')}
            onChange={(e) => set('nationalContact', e.target.value)}
          />
        </div>
      </fieldset>
    </Dialog>
  );
}
