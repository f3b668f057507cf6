import { useEffect, useId, useRef, useState } from 'react';
import type { SupportPlanView } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Milestone, Participant } from '@shared/model';
import { PROCESS_TEMPLATE_IDS, PROCESS_TEMPLATES } from '@shared/process-templates';
import { contactFieldsSchema, milestoneFieldsSchema, type ApplyTemplateInput, type UpdateContactInput, type UpdateMilestoneInput } from '@shared/schemas';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, SelectField, TextField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
import type { DetailsStore } from '../../details/details-store';
import { ErrorSummary } from '../../editing/error-summary';
import { diffFields, issuesToFieldErrors } from '../../editing/form-errors';
import { editingMessages } from '../../editing/messages';
import { announceSaved, usePatchSave } from '../../editing/use-patch-save';
import { useI18n, useMessages } from '../../i18n';
import { supportEditorMessages } from './editor-messages';
import {
  CONTACT_FIELD_SHAPES,
  contactCandidate,
  contactForm,
  localIsoDate,
  MILESTONE_FIELD_SHAPES,
  milestoneCandidate,
  milestoneForm,
  milestoneValues,
  supportCatalogue,
  toggleDone,
  type ContactField,
  type ContactForm,
  type ContactValues,
  type MilestoneField,
  type MilestoneForm,
} from './fields';

type Entry = SupportPlanView['initiatives'][number];

/** What an editor has asked to do; one dialog at a time. */
export type SupportEditorAction =
  | { kind: 'milestone'; initiativeId: string; milestoneId: string }
  | { kind: 'contact'; initiativeId: string; regionCode: string }
  | { kind: 'template'; initiativeId: string };

export interface SupportEditorDialogsProps {
  action: SupportEditorAction;
  initiatives: Entry[];
  participants: Participant[];
  details: DetailsStore;
  reload(): Promise<void>;
  onClose(): void;
}

function useSupportEditorText() {
  const i18n = useI18n();
  const t = useMessages(supportEditorMessages);
  const e = useMessages(editingMessages);
  const formats = { month: (v: string) => i18n.formatMonth(v), date: (v: string) => i18n.formatDate(v) };
  return { t, e, i18n, locale: i18n.locale, formats };
}

/** Every editing dialog of the view, in one chunk only editors download (it carries the validation schemas). */
export default function SupportEditorDialogs({ action, initiatives, participants, details, reload, onClose }: SupportEditorDialogsProps) {
  const entry = initiatives.find((i) => i.initiative.id === action.initiativeId);
  if (!entry) return null;
  switch (action.kind) {
    case 'milestone': {
      const milestone = entry.milestones.find((m) => m.id === action.milestoneId);
      return milestone ? <MilestoneDialog entry={entry} milestone={milestone} reload={reload} onClose={onClose} /> : null;
    }
    case 'contact': {
      const region = participants.find((p) => p.code === action.regionCode);
      return region ? <ContactDialog entry={entry} region={region} details={details} reload={reload} onClose={onClose} /> : null;
    }
    case 'template':
      return <TemplateDialog entry={entry} reload={reload} onClose={onClose} />;
  }
}

function SaveFooter({ saving, disabled = false, onCancel, label }: { saving: boolean; disabled?: boolean; onCancel(): void; label?: string }) {
  const { i18n } = useSupportEditorText();
  return (
    <>
      <Button onClick={onCancel}>{i18n.t('cancel')}</Button>
      <Button type={disabled ? 'button' : 'submit'} appearance="primary" isLoading={saving} disabled={disabled}>
        {saving ? i18n.t('saving') : (label ?? i18n.t('save'))}
      </Button>
    </>
  );
}

// ------------------------------------------------------------------ one milestone: done, day, plan, note

const milestoneChecked = milestoneFieldsSchema.pick({ done: true, doneOn: true, dueMonth: true, note: true });

function MilestoneDialog({ entry, milestone, reload, onClose }: { entry: Entry; milestone: Milestone; reload(): Promise<void>; onClose(): void }) {
  const { t, e, formats } = useSupportEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: MilestoneField) => `${baseId}-${f}`;
  const [today] = useState(() => localIsoDate(new Date()));
  const [initial] = useState(() => milestoneValues(milestone));
  const [form, setForm] = useState<MilestoneForm>(() => milestoneForm(initial));
  const set = <K extends keyof MilestoneForm>(key: K, value: MilestoneForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const doneRef = useRef<HTMLInputElement>(null);

  const { submit, saving, serverError, summary, attempt, fieldError, conflictView } = usePatchSave({
    validate: () => {
      const parsed = milestoneChecked.safeParse(milestoneCandidate(form, today));
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, MILESTONE_FIELD_SHAPES) };
    },
    build: (fields): UpdateMilestoneInput | null => {
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, milestoneId: milestone.id, patch, expected };
    },
    request: (payload) => invoke('updateMilestone', payload),
    savedMessage: () => t('milestoneSaved', { milestone: milestone.title }),
    fields: supportCatalogue(t, e, MILESTONE_FIELD_SHAPES, formats),
    fieldId,
    reload,
    onClose,
  });

  const conflict = conflictView();
  if (conflict) return conflict;

  return (
    <Dialog
      open
      size="medium"
      title={t('milestoneTitle', { milestone: milestone.title })}
      description={t('milestoneIntro')}
      onClose={onClose}
      onSubmit={submit}
      initialFocusRef={doneRef}
      footer={<SaveFooter saving={saving} onCancel={onClose} />}
    >
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <ErrorSummary items={summary} attempt={attempt} />
      <CheckboxField ref={doneRef} id={fieldId('done')} label={t('fieldDone')} checked={form.done} error={fieldError('done')} onChange={(ev) => setForm((f) => toggleDone(f, ev.target.checked, today))} />
      <div className="io-form__row">
        <TextField
          id={fieldId('doneOn')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          label={t('fieldDoneOn')}
          help={t('fieldDoneOnHelp')}
          placeholder={today}
          disabled={!form.done}
          value={form.doneOn}
          error={fieldError('doneOn')}
          onChange={(ev) => set('doneOn', ev.target.value)}
        />
        <TextField
          id={fieldId('dueMonth')}
          // Text, not type="month" (missing in Firefox and Safari); the form validates YYYY-MM itself.
          type="text"
          inputMode="numeric"
          autoComplete="off"
          label={t('fieldDueMonth')}
          help={t('fieldMonthHelp')}
          placeholder="2026-03"
          value={form.dueMonth}
          error={fieldError('dueMonth')}
          onChange={(ev) => set('dueMonth', ev.target.value)}
        />
      </div>
      <TextField id={fieldId('note')} label={t('fieldNote')} value={form.note} error={fieldError('note')} onChange={(ev) => set('note', ev.target.value)} />
    </Dialog>
  );
}

// ------------------------------------------------------------------ one participant's contact

type Loaded = { phase: 'loading' } | { phase: 'failed'; error: AppError } | { phase: 'ready'; values: ContactValues };

/**
 * The contact as stored now: established and since from the view, who from getDetails for the one cell
 * (read now, whatever the cache holds); what the form starts from and expects.
 */
async function loadContact(entry: Entry, regionCode: string): Promise<{ ok: true; values: ContactValues } | { ok: false; error: AppError }> {
  const initiativeId = entry.initiative.id;
  const shown = entry.contacts.find((c) => c.regionCode === regionCode);
  const res = await invoke('getDetails', { initiativeId, regionCode });
  if (!res.ok) return res;
  const found = res.data.entries.find((en) => en.initiativeId === initiativeId && en.regionCode === regionCode);
  if (!found) return { ok: false, error: { code: 'INTERNAL', message: 'getDetails did not return the cell it was asked for' } };
  const c = found.cell;
  return {
    ok: true,
    values: {
      contactEstablished: shown?.established ?? false,
      contactSince: shown?.since ?? null,
      regionalContact: c.regionalContact,
      nationalContact: c.nationalContact,
      regionalContactPublic: found.publicContacts?.regional ?? false,
      nationalContactPublic: found.publicContacts?.national ?? false,
    },
  };
}

function ContactDialog({ entry, region, details, reload, onClose }: { entry: Entry; region: Participant; details: DetailsStore; reload(): Promise<void>; onClose(): void }) {
  const { t } = useSupportEditorText();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [tries, setTries] = useState(0);
  const initiativeId = entry.initiative.id;
  useEffect(() => {
    let live = true;
    void loadContact(entry, region.code).then((res) => {
      if (live) setLoaded(res.ok ? { phase: 'ready', values: res.values } : { phase: 'failed', error: res.error });
    });
    return () => {
      live = false;
    };
    // The view's values at the moment the dialog opened: a reload meanwhile does not restart the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initiativeId, region.code, tries]);
  if (loaded.phase === 'ready') return <ContactForm entry={entry} region={region} initial={loaded.values} details={details} reload={reload} onClose={onClose} />;
  return (
    <Dialog open size="medium" title={t('contactTitle', { region: region.name, initiative: entry.initiative.name })} onClose={onClose} footer={<SaveFooter saving={false} disabled onCancel={onClose} />}>
      {loaded.phase === 'failed' ? (
        <ErrorMessage
          error={loaded.error}
          title={t('contactLoadFailed')}
          alert
          onRetry={() => {
            setLoaded({ phase: 'loading' });
            setTries((n) => n + 1);
          }}
        />
      ) : (
        <p role="status">{t('contactLoading')}</p>
      )}
    </Dialog>
  );
}

function ContactForm({
  entry,
  region,
  initial,
  details,
  reload,
  onClose,
}: {
  entry: Entry;
  region: Participant;
  initial: ContactValues;
  details: DetailsStore;
  reload(): Promise<void>;
  onClose(): void;
}) {
  const { t, e, formats } = useSupportEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: ContactField) => `${baseId}-${f}`;
  const [form, setForm] = useState<ContactForm>(() => contactForm(initial));
  const set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const establishedRef = useRef<HTMLInputElement>(null);

  const { submit, saving, serverError, summary, attempt, fieldError, conflictView } = usePatchSave({
    validate: () => {
      const parsed = contactFieldsSchema.safeParse(contactCandidate(form));
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, CONTACT_FIELD_SHAPES) };
    },
    build: (fields): UpdateContactInput | null => {
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, regionCode: region.code, patch, expected };
    },
    request: async (payload) => {
      const res = await invoke('updateContact', payload);
      if (res.ok) details.saved(res.data.initiativeId, res.data.regionCode, res.data.details, res.data.revision);
      return res;
    },
    savedMessage: () => t('contactSaved', { region: region.name }),
    fields: supportCatalogue(t, e, CONTACT_FIELD_SHAPES, formats),
    fieldId,
    reload,
    onClose,
  });

  const conflict = conflictView();
  if (conflict) return conflict;

  return (
    <Dialog
      open
      size="medium"
      title={t('contactTitle', { region: region.name, initiative: entry.initiative.name })}
      description={t('contactIntro')}
      onClose={onClose}
      onSubmit={submit}
      initialFocusRef={establishedRef}
      footer={<SaveFooter saving={saving} onCancel={onClose} />}
    >
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <ErrorSummary items={summary} attempt={attempt} />
      <CheckboxField
        ref={establishedRef}
        id={fieldId('contactEstablished')}
        label={t('fieldContactEstablished')}
        checked={form.contactEstablished}
        error={fieldError('contactEstablished')}
        onChange={(ev) => set('contactEstablished', ev.target.checked)}
      />
      <TextField
        id={fieldId('contactSince')}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        label={t('fieldContactSince')}
        help={t('fieldDateHelp')}
        placeholder="2026-03-15"
        disabled={!form.contactEstablished}
        value={form.contactSince}
        error={fieldError('contactSince')}
        onChange={(ev) => set('contactSince', ev.target.value)}
      />
      {(
        [
          ['regionalContact', 'regionalContactPublic', 'fieldRegionalContact'],
          ['nationalContact', 'nationalContactPublic', 'fieldNationalContact'],
        ] as const
      ).map(([field, flag, legend]) => (
        <fieldset className="io-fieldset" key={field}>
          <legend>{t(legend)}</legend>
          <TextField id={fieldId(field)} label={t('fieldContactWho')} help={t('fieldContactHelp')} value={form[field]} error={fieldError(field)} onChange={(ev) => set(field, ev.target.value)} />
          <CheckboxField id={fieldId(flag)} label={t('fieldContactPublic')} checked={form[flag]} onChange={(ev) => set(flag, ev.target.checked)} />
        </fieldset>
      ))}
    </Dialog>
  );
}

// ------------------------------------------------------------------ milestones from a template

type TemplateChoice = ApplyTemplateInput['templateId'];

function TemplateDialog({ entry, reload, onClose }: { entry: Entry; reload(): Promise<void>; onClose(): void }) {
  const { t, i18n, locale } = useSupportEditorText();
  const announce = useAnnounce();
  const [templateId, setTemplateId] = useState<TemplateChoice>('rollout-process');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const nameOf = (id: TemplateChoice) => (id === 'programme' ? t('templateProgramme') : PROCESS_TEMPLATES[id].name[locale]);

  const apply = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const res = await invoke('applyTemplate', { initiativeId: entry.initiative.id, templateId, locale });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      announce(i18n.t('retry'));
      return;
    }
    const template = nameOf(templateId);
    announce(res.data.added.length > 0 ? t('templateAdded', { count: res.data.added.length, template }) : t('templateNothing', { template }));
    if (res.data.added.length > 0) announceSaved(res.data);
    onClose();
    void reload();
  };

  return (
    <Dialog
      open
      size="medium"
      title={t('templateTitle', { initiative: entry.initiative.name })}
      description={t('templateIntro')}
      onClose={onClose}
      onSubmit={() => void apply()}
      footer={<SaveFooter saving={saving} onCancel={onClose} label={t('templateApply')} />}
    >
      {error ? <ErrorMessage error={error} alert /> : null}
      <SelectField
        label={t('templateField')}
        help={templateId === 'programme' ? undefined : PROCESS_TEMPLATES[templateId].description[locale]}
        value={templateId}
        onChange={(ev) => setTemplateId(ev.target.value as TemplateChoice)}
        options={[...PROCESS_TEMPLATE_IDS, 'programme' as const].map((id) => ({ value: id, label: nameOf(id) }))}
      />
    </Dialog>
  );
}
