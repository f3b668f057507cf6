import { useId, useState } from 'react';
import type { InitiativeHeader } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { InitiativeField } from '@shared/model';
import type { UpsertInitiativeInput } from '@shared/schemas';
import { INITIATIVE_KINDS, INITIATIVE_KIND_LABELS, PHASES, PHASE_LABELS, ROLLOUT_TYPES, ROLLOUT_TYPE_LABELS } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
import { conflictFields, keepMine, withoutConflicting } from './conflict';
import { ConflictView } from './conflict-view';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { fieldErrorText } from './field-error-text';
import { serverIssuesToFieldErrors, type FieldError } from './form-errors';
import {
  buildUpsertInitiative,
  EMPTY_INITIATIVE_FORM,
  formFromInitiative,
  INITIATIVE_FIELD_SHAPES,
  validateInitiativeForm,
  type InitiativeFormState,
} from './initiative-form';
import { INITIATIVE_FIELD_LABEL } from './field-labels';
import { useEditorText } from './use-editor-text';

export interface InitiativeDialogProps {
  /** null: a new initiative. */
  initiative: InitiativeHeader | null;
  reload(): Promise<void>;
  onClose(): void;
}

type EditPayload = Extract<UpsertInitiativeInput, { patch: unknown }>;

/** An initiative's details: everything for a new one; for an existing one only what changed is sent. */
export function InitiativeDialog({ initiative, reload, onClose }: InitiativeDialogProps) {
  const { t, i18n } = useEditorText();
  const announce = useAnnounce();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: InitiativeField) => `${baseId}-${f}`;
  const [initial] = useState(initiative);
  const [form, setForm] = useState<InitiativeFormState>(() => (initial ? formFromInitiative(initial) : { ...EMPTY_INITIATIVE_FORM }));
  const [errors, setErrors] = useState<Partial<Record<InitiativeField, FieldError>>>({});
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ error: AppError; sent: EditPayload } | null>(null);
  const set = <K extends keyof InitiativeFormState>(key: K, value: InitiativeFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const send = async (payload: UpsertInitiativeInput) => {
    setSaving(true);
    setServerError(null);
    const res = await invoke('upsertInitiative', payload);
    setSaving(false);
    if (res.ok) {
      announce(initial ? t('initiativeSaved', { name: res.data.initiative.name }) : t('initiativeCreated', { name: res.data.initiative.name }));
      onClose();
      void reload();
      return;
    }
    if (res.error.code === 'CONFLICT' && 'patch' in payload) {
      setConflict({ error: res.error, sent: payload });
      return;
    }
    setConflict(null);
    if (res.error.code === 'VALIDATION') {
      setErrors(serverIssuesToFieldErrors(res.error.issues, INITIATIVE_FIELD_SHAPES));
      setAttempt((n) => n + 1);
    }
    setServerError(res.error);
    announce(t('saveFailed'));
  };

  const submit = () => {
    if (saving) return;
    const result = validateInitiativeForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const payload = buildUpsertInitiative(initial, result.fields);
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

  const summary: SummaryItem[] = (Object.keys(errors) as InitiativeField[]).map((f) => ({
    fieldId: fieldId(f),
    label: t(INITIATIVE_FIELD_LABEL[f]),
    message: fieldErrorText(errors[f], t) ?? '',
  }));
  const err = (f: InitiativeField) => fieldErrorText(errors[f], t);

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
      title={initial ? t('initiativeDialogEdit', { name: initial.name }) : t('initiativeDialogNew')}
      onClose={onClose}
      onSubmit={submit}
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
      <div className="io-form__row">
        <TextField id={fieldId('name')} label={t('fieldName')} required value={form.name} error={err('name')} onChange={(e) => set('name', e.target.value)} />
        <SelectField
          id={fieldId('kind')}
          label={t('fieldKind')}
          value={form.kind}
          error={err('kind')}
          onChange={(e) => set('kind', e.target.value as InitiativeFormState['kind'])}
          options={INITIATIVE_KINDS.map((k) => ({ value: k, label: i18n.label(INITIATIVE_KIND_LABELS, k) }))}
        />
      </div>
      <TextAreaField id={fieldId('summary')} label={t('fieldSummary')} value={form.summary} error={err('summary')} onChange={(e) => set('summary', e.target.value)} />
      <TextField
        id={fieldId('infoLink')}
        type="url"
        inputMode="url"
        label={t('fieldInfoLink')}
        help={t('fieldInfoLinkHelp')}
        value={form.infoLink}
        error={err('infoLink')}
        onChange={(e) => set('infoLink', e.target.value)}
      />
      <div className="io-form__row">
        <TextField id={fieldId('contact')} label={t('fieldContact')} value={form.contact} error={err('contact')} onChange={(e) => set('contact', e.target.value)} />
        <SelectField
          id={fieldId('rolloutType')}
          label={t('fieldRolloutType')}
          value={form.rolloutType}
          error={err('rolloutType')}
          onChange={(e) => set('rolloutType', e.target.value as InitiativeFormState['rolloutType'])}
          options={[{ value: '', label: t('rolloutTypeUnset') }, ...ROLLOUT_TYPES.map((r) => ({ value: r, label: i18n.label(ROLLOUT_TYPE_LABELS, r) }))]}
        />
        <SelectField
          id={fieldId('phase')}
          label={t('fieldPhase')}
          value={form.phase}
          error={err('phase')}
          onChange={(e) => set('phase', e.target.value as InitiativeFormState['phase'])}
          options={[{ value: '', label: t('phaseUnset') }, ...PHASES.map((p) => ({ value: p, label: i18n.label(PHASE_LABELS, p) }))]}
        />
      </div>
      <fieldset className="io-fieldset">
        <legend>{t('groupNationalWindows')}</legend>
        <div className="io-form__row">
          {(['nationalPilotStart', 'nationalPilotEnd', 'nationalBroadStart', 'nationalBroadEnd'] as const).map((f) => (
            <TextField
              key={f}
              id={fieldId(f)}
              type="month"
              label={t(INITIATIVE_FIELD_LABEL[f])}
              help={t('fieldMonthHelp')}
              placeholder="2026-03"
              value={form[f]}
              error={err(f)}
              onChange={(e) => set(f, e.target.value)}
            />
          ))}
        </div>
      </fieldset>
    </Dialog>
  );
}
