import { useRef, useState, type FormEvent } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { LIMITS, programmeSettingsSchema, type ProgrammeSettings } from '@shared/schemas';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { keepMine, type EditPayload } from '../editing/conflict';
import { announceSaved } from '../editing/use-patch-save';
import { useI18n, useMessages } from '../i18n';
import { adminMessages } from './messages';

type FieldName = keyof ProgrammeSettings;
const FIELDS: FieldName[] = ['name', 'description', 'stalenessDays', 'published'];

const settingsOf = (p: ProgrammeAdminItem): ProgrammeSettings => ({ name: p.name, description: p.description, stalenessDays: p.stalenessDays, published: p.published });

/**
 * A space administrator's settings form (decision 0022). Only changed settings are sent, each with the value
 * the form started from, so a setting someone else changed meanwhile comes back as a conflict with the value
 * stored now; what the administrator typed stays in the form until they choose.
 */
export function SettingsForm({ programme, onSaved }: { programme: ProgrammeAdminItem; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const m = useMessages(adminMessages);
  const announce = useAnnounce();
  const [start] = useState(() => settingsOf(programme));
  const [name, setName] = useState(start.name);
  const [description, setDescription] = useState(start.description);
  const [staleness, setStaleness] = useState(String(start.stalenessDays));
  const [published, setPublished] = useState(start.published);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<{ error: AppError; sent: EditPayload<ProgrammeSettings> } | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const stalenessRef = useRef<HTMLInputElement>(null);

  const messageFor = (field: FieldName): string =>
    field === 'name' ? (name.trim() ? t('nameTooLong', { max: LIMITS.name }) : t('nameRequired')) : field === 'description' ? t('descriptionTooLong', { max: LIMITS.summary }) : t('stalenessInvalid');

  const showErrors = (fields: FieldName[]) => {
    const next: Partial<Record<FieldName, string>> = {};
    for (const f of fields) if (FIELDS.includes(f)) next[f] = messageFor(f);
    setErrors(next);
    const first = (['name', 'description', 'stalenessDays'] as const).find((f) => next[f]);
    if (first) ({ name: nameRef, description: descriptionRef, stalenessDays: stalenessRef })[first].current?.focus();
  };

  const send = async (payload: EditPayload<ProgrammeSettings>) => {
    setSaving(true);
    const result = await invoke('updateProgrammeSettings', { programmeId: programme.id, ...payload });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'VALIDATION') showErrors((result.error.issues ?? []).map((i) => i.path.split('.')[1] as FieldName));
      if (result.error.code === 'CONFLICT') setConflict({ error: result.error, sent: payload });
      setServerError(result.error);
      return;
    }
    announceSaved(result.data);
    announce(m('saved', { name: result.data.programme.name }));
    await onSaved();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setServerError(null);
    setConflict(null);
    const input = { name: name.trim(), description, stalenessDays: staleness.trim() === '' ? Number.NaN : Number(staleness), published };
    const parsed = programmeSettingsSchema.safeParse(input);
    if (!parsed.success) return showErrors(parsed.error.issues.map((i) => String(i.path[0]) as FieldName));
    setErrors({});
    const changed = FIELDS.filter((f) => parsed.data[f] !== start[f]);
    if (changed.length === 0) return announce(m('nothingChanged'));
    const patch: Partial<ProgrammeSettings> = {};
    const expected: Partial<ProgrammeSettings> = {};
    for (const f of changed) {
      Object.assign(patch, { [f]: parsed.data[f] });
      Object.assign(expected, { [f]: start[f] });
    }
    await send({ patch, expected });
  };

  const current = (field: FieldName): string | null => {
    const stored = conflict?.error.current;
    return stored && field in stored ? m('conflictCurrent', { value: String(stored[field]) }) : null;
  };

  return (
    <form className="io-form" noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <TextField ref={nameRef} label={t('fieldName')} help={current('name') ?? t('fieldNameHelp')} error={errors.name} required value={name} maxLength={LIMITS.name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      <TextAreaField ref={descriptionRef} label={t('fieldDescription')} help={current('description') ?? t('fieldDescriptionHelp')} error={errors.description} value={description} maxLength={LIMITS.summary} onChange={(e) => setDescription(e.target.value)} />
      <TextField ref={stalenessRef} label={t('fieldStaleness')} help={current('stalenessDays') ?? t('fieldStalenessHelp')} error={errors.stalenessDays} type="number" inputMode="numeric" min={1} max={3650} step={1} value={staleness} onChange={(e) => setStaleness(e.target.value)} />
      <CheckboxField label={t('fieldPublished')} help={current('published') ?? t('fieldPublishedHelp')} checked={published} onChange={(e) => setPublished(e.target.checked)} />
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <div className="io-button-row io-button-row--start">
        <Button type="submit" appearance="primary" isLoading={saving}>
          {saving ? m('saving') : m('save')}
        </Button>
        {conflict ? <Button onClick={() => void send(keepMine(conflict.error, conflict.sent))}>{m('conflictKeepMine')}</Button> : null}
      </div>
    </form>
  );
}
