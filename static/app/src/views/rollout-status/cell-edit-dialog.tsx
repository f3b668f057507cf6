import { useId, useRef, useState } from 'react';
import type { CellView, InitiativeHeader } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { CellField, Participant } from '@shared/model';
import type { UpdateCellInput } from '@shared/schemas';
import { ROLLOUT_STATUSES } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
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
import { conflictFields, keepMine, withoutConflicting } from './conflict';
import { ConflictView } from './conflict-view';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { fieldErrorText } from './field-error-text';
import { serverIssuesToFieldErrors, type FieldError } from './form-errors';
import { CELL_FIELD_LABEL } from './field-labels';
import { useEditorText } from './use-editor-text';

export interface CellEditDialogProps {
  initiative: InitiativeHeader;
  region: Participant;
  cell: CellView;
  writes: CellWrites;
  reload(): Promise<void>;
  onClose(): void;
}

type Conflict = { error: AppError; sent: UpdateCellInput };

/**
 * The cell form. Saving sends only the changed fields with the values they started from; the matrix
 * shows the change at once and rolls it back if the server refuses. The dialog stays open on failure
 * with everything the editor typed, and a conflict is shown field by field for the editor to decide.
 */
export function CellEditDialog({ initiative, region, cell, writes, reload, onClose }: CellEditDialogProps) {
  const { t, i18n } = useEditorText();
  const announce = useAnnounce();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: CellField) => `${baseId}-${f}`;
  // The values the editor started from: `expected` for the server, and the baseline of "changed".
  const [initial] = useState(() => pickCellFields(cell));
  const [form, setForm] = useState<CellFormState>(() => formFromCell(initial));
  const [errors, setErrors] = useState<Partial<Record<CellField, FieldError>>>({});
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const checkedStatusRef = useRef<HTMLInputElement>(null);

  const set = <K extends keyof CellFormState>(key: K, value: CellFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const send = async (payload: UpdateCellInput) => {
    setSaving(true);
    setServerError(null);
    writes.begin(initiative.id, [{ ...cell, ...payload.patch }]);
    const res = await invoke('updateCell', payload);
    setSaving(false);
    if (res.ok) {
      writes.succeed(initiative.id, [res.data.cell]);
      announce(t('saved', { initiative: initiative.name, region: region.name }));
      onClose();
      void reload();
      return;
    }
    writes.rollback(initiative.id, [region.code]);
    if (res.error.code === 'CONFLICT') {
      setConflict({ error: res.error, sent: payload });
      return;
    }
    setConflict(null);
    if (res.error.code === 'VALIDATION') {
      setErrors(serverIssuesToFieldErrors(res.error.issues, CELL_FIELD_SHAPES));
      setAttempt((n) => n + 1);
    }
    setServerError(res.error);
    announce(t('saveFailed'));
  };

  const submit = () => {
    if (saving) return;
    const result = validateCellForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const payload = buildUpdateCell(initiative.id, region.code, initial, result.fields);
    if (!payload) {
      announce(t('nothingChanged'));
      onClose();
      return;
    }
    void send(payload);
  };

  const takeTheirs = async () => {
    if (!conflict) return;
    const rest = withoutConflicting(conflict.error, conflict.sent);
    if (rest) return send(rest);
    announce(t('conflictTookTheirs'));
    onClose();
    await reload();
  };

  const summary: SummaryItem[] = (Object.keys(errors) as CellField[]).map((f) => ({
    fieldId: fieldId(f),
    label: t(CELL_FIELD_LABEL[f]),
    message: fieldErrorText(errors[f], t) ?? '',
  }));
  const err = (f: CellField) => fieldErrorText(errors[f], t);

  if (conflict) {
    return (
      <Dialog
        open
        size="large"
        title={t('conflictTitle')}
        onClose={onClose}
        footer={
          <>
            <Button onClick={() => void takeTheirs()} disabled={saving}>
              {t('conflictTakeTheirs')}
            </Button>
            <Button appearance="primary" isLoading={saving} onClick={() => void send(keepMine(conflict.error, conflict.sent))}>
              {t('conflictKeepMine')}
            </Button>
          </>
        }
      >
        <ErrorMessage error={conflict.error} alert />
        <ConflictView fields={conflictFields(conflict.error, conflict.sent)} />
      </Dialog>
    );
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
              type="month"
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
            type="date"
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
