import { useRef, useState, type FormEvent } from 'react';
import type { AppError } from '@shared/errors';
import { DUPLICATE_CODE_MESSAGE, LIMITS, createProgrammeSchema, type ParticipantSet } from '@shared/schemas';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { RadioGroup } from '../config/radio-group';
import { useI18n, useMessages } from '../i18n';
import { onboardingMessages } from './onboarding-messages';
import { parseParticipantList, type ParsedList } from './participant-list';

type FieldName = 'name' | 'description' | 'stalenessDays' | 'published' | 'participants';

/** How many line problems the custom list's error names before it only counts the rest. */
const SHOWN_LINE_PROBLEMS = 5;

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };
type FieldErrors = Partial<Record<FieldName, string>>;

export interface CreateProgrammeFormProps {
  /** Called after the programme exists; the shell then loads the view. */
  onCreated(): Promise<void> | void;
}

/**
 * The empty-state form (an editor on an empty page, or an administrator on the space page): name, description,
 * staleness threshold, whether it is published, and the participant set (decision 0027). The regions and
 * municipalities are the server's lists, so only a custom list travels, and no names ship in this chunk.
 */
export default function CreateProgrammeForm({ onCreated }: CreateProgrammeFormProps) {
  const { t } = useI18n();
  const m = useMessages(onboardingMessages);
  const announce = useAnnounce();
  const [participantSet, setParticipantSet] = useState<ParticipantSet>('regions');
  const [customText, setCustomText] = useState('');
  const customRef = useRef<HTMLTextAreaElement>(null);
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

  /** The custom list's problems, by line: the parser's, then the schema's mapped back to the lines. */
  const listMessage = (parsed: ParsedList, issues: ReadonlyArray<Issue>): string => {
    // Line 0: a problem of the whole list, told first.
    const found: Array<{ line: number; text: string }> = parsed.problems.map(({ line, problem }) => ({
      line,
      text: problem === 'columns' ? m('lineColumns', { line }) : problem === 'code' ? m('lineCode', { line }) : m('lineName', { line }),
    }));
    for (const issue of issues) {
      const [, k, field] = issue.path;
      if (typeof k !== 'number') {
        found.push({ line: 0, text: parsed.participants.length === 0 ? m('listEmpty') : m('listTooLong', { max: LIMITS.customParticipants }) });
        continue;
      }
      const line = parsed.lines[k] ?? k + 1;
      if (field === 'code') found.push({ line, text: issue.message === DUPLICATE_CODE_MESSAGE ? m('lineDuplicate', { line }) : m('lineCode', { line }) });
      else found.push({ line, text: field === 'short' ? m('lineShort', { line }) : m('lineName', { line }) });
    }
    const byLine = found.sort((a, b) => a.line - b.line).map((f) => f.text);
    const shown = byLine.slice(0, SHOWN_LINE_PROBLEMS).join('. ');
    return byLine.length > SHOWN_LINE_PROBLEMS ? `${shown}. ${m('moreProblems', { count: byLine.length - SHOWN_LINE_PROBLEMS })}` : shown;
  };

  const showErrors = (fields: FieldName[], list?: string) => {
    const next: FieldErrors = {};
    for (const f of fields) next[f] = f === 'participants' ? (list ?? m('listEmpty')) : messageFor(f);
    setErrors(next);
    // Move focus to the first field to fix, so keyboard and screen reader users land on it.
    const first = (['name', 'description', 'stalenessDays', 'participants'] as const).find((f) => next[f]);
    ({ name: nameRef, description: descriptionRef, stalenessDays: stalenessRef, participants: customRef })[first ?? 'name'].current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setServerError(null);
    const days = stalenessDays.trim() === '' ? Number.NaN : Number(stalenessDays);
    const list = participantSet === 'custom' ? parseParticipantList(customText) : null;
    const input = { name: name.trim(), description, stalenessDays: days, published, participantSet, ...(list ? { participants: list.participants } : {}) };
    const parsed = createProgrammeSchema.safeParse(input);
    if (!parsed.success || (list && list.problems.length > 0)) {
      const issues = parsed.success ? [] : parsed.error.issues;
      const fields = new Set(issues.map((i) => String(i.path[0]) as FieldName));
      if (list && list.problems.length > 0) fields.add('participants');
      const listIssues = issues.filter((i) => i.path[0] === 'participants');
      showErrors([...fields], list ? listMessage(list, listIssues) : undefined);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await invoke('createProgramme', parsed.data);
    setSaving(false);
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      if (result.error.code === 'VALIDATION' && issues.length > 0) {
        // The server's paths are dotted ('participants.3.code'): back to the lines the editor wrote.
        const asIssues = issues.map((i) => ({ path: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: i.message }));
        const listIssues = asIssues.filter((i) => i.path[0] === 'participants');
        showErrors(
          issues.map((i) => i.path.split('.')[0] as FieldName),
          list && listIssues.length > 0 ? listMessage(list, listIssues) : undefined,
        );
      }
      setServerError(result.error);
      return;
    }
    announce(m('programmeCreated', { name: result.data.name }));
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
      <RadioGroup<ParticipantSet>
        legend={m('setLegend')}
        name="participant-set"
        value={participantSet}
        options={[
          { value: 'regions', label: m('setRegions') },
          { value: 'municipalities', label: m('setMunicipalities') },
          { value: 'custom', label: m('setCustom') },
        ]}
        onChange={setParticipantSet}
      />
      {participantSet === 'custom' ? (
        <TextAreaField
          ref={customRef}
          label={m('customLabel')}
          help={m('customHelp', { max: LIMITS.customParticipants, nameMax: LIMITS.customParticipantName })}
          error={errors.participants}
          required
          rows={8}
          value={customText}
          spellCheck={false}
          onChange={(e) => setCustomText(e.target.value)}
        />
      ) : null}
      <CheckboxField
        label={t('fieldPublished')}
        help={t('fieldPublishedHelp')}
        checked={published}
        onChange={(e) => setPublished(e.target.checked)}
      />
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <div className="io-button-row io-button-row--start">
        <Button type="submit" appearance="primary" isLoading={saving}>
          {saving ? m('creatingProgramme') : m('createProgramme')}
        </Button>
      </div>
    </form>
  );
}
