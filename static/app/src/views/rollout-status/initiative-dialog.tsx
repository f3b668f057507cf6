import { useId, useState } from 'react';
import type { InitiativeHeader } from '@shared/contract';
import type { InitiativeField } from '@shared/model';
import { INITIATIVE_KINDS, INITIATIVE_KIND_LABELS, PHASES, PHASE_LABELS, ROLLOUT_TYPES, ROLLOUT_TYPE_LABELS } from '@shared/vocabulary';
import { invoke } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { FormDialog } from '../../editing/form-dialog';
import { usePatchSave } from '../../editing/use-patch-save';
import { fieldCatalogue, INITIATIVE_FIELD_LABEL } from './field-labels';
import {
  buildUpsertInitiative,
  EMPTY_INITIATIVE_FORM,
  formFromInitiative,
  INITIATIVE_FIELD_SHAPES,
  validateInitiativeForm,
  type InitiativeFormState,
} from './initiative-form';
import { useEditorText } from './use-editor-text';

export interface InitiativeDialogProps {
  /** null: a new initiative. */
  initiative: InitiativeHeader | null;
  reload(): Promise<void>;
  onClose(): void;
}

/** An initiative's details: everything for a new one; for an existing one only what changed is sent. */
export function InitiativeDialog({ initiative, reload, onClose }: InitiativeDialogProps) {
  const { t, e, i18n, locale } = useEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: InitiativeField) => `${baseId}-${f}`;
  const [initial] = useState(initiative);
  const [form, setForm] = useState<InitiativeFormState>(() => (initial ? formFromInitiative(initial) : { ...EMPTY_INITIATIVE_FORM }));
  const { submit, saving, serverError, summary, attempt, fieldError: err, conflictView } = usePatchSave({
    validate: () => validateInitiativeForm(form),
    build: (fields) => buildUpsertInitiative(initial, fields),
    request: (payload) => invoke('upsertInitiative', payload),
    savedMessage: ({ initiative: saved }) => (initial ? t('initiativeSaved', { name: saved.name }) : t('initiativeCreated', { name: saved.name })),
    fields: fieldCatalogue(INITIATIVE_FIELD_LABEL, INITIATIVE_FIELD_SHAPES, t, e, locale),
    fieldId,
    reload,
    onClose,
  });
  const set = <K extends keyof InitiativeFormState>(key: K, value: InitiativeFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const conflict = conflictView();
  if (conflict) return conflict;

  return (
    <FormDialog
      title={initial ? t('initiativeDialogEdit', { name: initial.name }) : t('initiativeDialogNew')}
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
      error={serverError}
      summary={{ items: summary, attempt }}
    >
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
              // Text, not type="month": that control is missing in Firefox and Safari, and Chromium formats it
              // in the browser's language, not the page's; the form validates YYYY-MM itself.
              type="text"
              inputMode="numeric"
              autoComplete="off"
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
    </FormDialog>
  );
}
