import { useRef, useState, type FormEvent } from 'react';
import type { AppError } from '@shared/errors';
import { LIMITS, createProgrammeSchema } from '@shared/schemas';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { useI18n } from '../i18n';

type FieldName = 'name' | 'description' | 'stalenessDays' | 'published';
type FieldErrors = Partial<Record<FieldName, string>>;

export interface CreateProgrammeFormProps {
  /** Called after the programme exists; the shell then loads the view. */
  onCreated(): Promise<void> | void;
}

/** The editor's empty-state form: name, description, staleness threshold and whether it is published. */
export default function CreateProgrammeForm({ onCreated }: CreateProgrammeFormProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [stalenessDays, setStalenessDays] = useState('90');
  const [published, setPublished] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const stalenessRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  const messageFor = (field: FieldName): string => {
    switch (field) {
      case 'name':
        return name.trim() ? t('nameTooLong', { max: LIMITS.name }) : t('nameRequired');
      case 'description':
        return t('descriptionTooLong', { max: LIMITS.summary });
      default:
        return t('stalenessInvalid');
    }
  };

  const showErrors = (fields: FieldName[]) => {
    const next: FieldErrors = {};
    for (const f of fields) next[f] = messageFor(f);
    setErrors(next);
    // Move focus to the first field to fix, so keyboard and screen reader users land on it.
    const first = (['name', 'description', 'stalenessDays'] as const).find((f) => next[f]);
    ({ name: nameRef, description: descriptionRef, stalenessDays: stalenessRef })[first ?? 'name'].current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setServerError(null);
    const days = stalenessDays.trim() === '' ? Number.NaN : Number(stalenessDays);
    const input = { name: name.trim(), description, stalenessDays: days, published };
    const parsed = createProgrammeSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((i) => String(i.path[0]) as FieldName));
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await invoke('createProgramme', parsed.data);
    setSaving(false);
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      if (result.error.code === 'VALIDATION' && issues.length > 0) {
        showErrors(issues.map((i) => i.path.split('.')[0] as FieldName));
      }
      setServerError(result.error);
      return;
    }
    announce(t('programmeCreated', { name: result.data.name }));
    await onCreated();
  };

  return (
    <form className="io-form" noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <TextField
        ref={nameRef}
        label={t('fieldName')}
        help={t('fieldNameHelp')}
        error={errors.name}
        required
        value={name}
        maxLength={LIMITS.name}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        ref={descriptionRef}
        label={t('fieldDescription')}
        help={t('fieldDescriptionHelp')}
        error={errors.description}
        value={description}
        maxLength={LIMITS.summary}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        ref={stalenessRef}
        label={t('fieldStaleness')}
        help={t('fieldStalenessHelp')}
        error={errors.stalenessDays}
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        step={1}
        value={stalenessDays}
        onChange={(e) => setStalenessDays(e.target.value)}
      />
      <CheckboxField
        label={t('fieldPublished')}
        help={t('fieldPublishedHelp')}
        checked={published}
        onChange={(e) => setPublished(e.target.checked)}
      />
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <div className="io-button-row io-button-row--start">
        <Button type="submit" appearance="primary" isLoading={saving}>
          {saving ? t('creatingProgramme') : t('createProgramme')}
        </Button>
      </div>
    </form>
  );
}
