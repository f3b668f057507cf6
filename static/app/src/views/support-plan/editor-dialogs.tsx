import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { SupportPlanView } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Milestone, Participant } from '@shared/model';
import { addWeeks, CONNECTION_STAGES, CONNECTION_STEPS, isStepDone } from '@shared/connection-process';
import { PROCESS_TEMPLATE_IDS, PROCESS_TEMPLATES } from '@shared/process-templates';
import type { ContactWriteResult, MilestonesWriteResult } from '@shared/contract';
import {
  addMilestoneSchema,
  connectionFieldsSchema,
  contactFieldsSchema,
  milestoneFieldsSchema,
  bulkUpdateContactsSchema,
  type AddMilestoneInput,
  type ApplyTemplateInput,
  type UpdateConnectionInput,
  type UpdateContactInput,
  type UpdateMilestoneInput,
} from '@shared/schemas';
import { PHASE_LABELS, PHASES, type Phase } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, SelectField, TextField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
import type { DetailsStore } from '../../details/details-store';
import type { SummaryItem } from '../../editing/error-summary';
import { FormDialog } from '../../editing/form-dialog';
import { ParticipantChecklist } from '../../editing/participant-checklist';
import { SectionMessage } from '../../components/section-message';
import type { ChangeKind, ChangeKindRegistry } from '../../editing/history';
import { HistoryDialog } from '../../editing/history-dialog';
import { diffFields, issuesToFieldErrors } from '../../editing/form-errors';
import { editingMessages } from '../../editing/messages';
import { announceSaved, usePatchSave } from '../../editing/use-patch-save';
import { useI18n, useMessages } from '../../i18n';
import { supportEditorMessages } from './editor-messages';
import {
  CONNECTION_FIELD_SHAPES,
  connectionCandidate,
  toggleStep,
  type ConnectionField,
  type ConnectionForm,
  type ConnectionValues,
  CONTACT_CHANGES,
  CONTACT_FIELD_SHAPES,
  contactCandidate,
  defaultPhase,
  MILESTONE_CHANGES,
  MILESTONE_REMOVALS,
  NEW_MILESTONE_FIELD_SHAPES,
  newMilestoneCandidate,
  OTHER_SUPPORT_CHANGES,
  type NewMilestoneField,
  type NewMilestoneForm,
  type RestoreMilestoneAction,
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
  | { kind: 'template'; initiativeId: string }
  | { kind: 'add-milestone'; initiativeId: string }
  | { kind: 'remove-milestone'; initiativeId: string; milestoneId: string }
  | { kind: 'history'; initiativeId: string }
  | { kind: 'connection'; initiativeId: string; regionCode: string }
  | { kind: 'bulk-contacts'; initiativeId: string };

/** A removal the view offers to undo at once: restoreMilestone with the removal's history entry. */
export interface RemovedMilestone {
  initiativeId: string;
  historyId: string;
  title: string;
}

export interface SupportEditorDialogsProps {
  action: SupportEditorAction;
  initiatives: Entry[];
  participants: Participant[];
  details: DetailsStore;
  reload(): Promise<void>;
  onClose(): void;
  /** After a removal, so the view can offer "Ångra" next to the milestones. */
  onRemoved(removed: RemovedMilestone): void;
}

function useSupportEditorText() {
  const i18n = useI18n();
  const t = useMessages(supportEditorMessages);
  const e = useMessages(editingMessages);
  const formats = { month: (v: string) => i18n.formatMonth(v), date: (v: string) => i18n.formatDate(v) };
  return { t, e, i18n, locale: i18n.locale, formats };
}

/** Every editing dialog of the view, in one chunk only editors download (it carries the validation schemas). */
export default function SupportEditorDialogs({ action, initiatives, participants, details, reload, onClose, onRemoved }: SupportEditorDialogsProps) {
  const entry = initiatives.find((i) => i.initiative.id === action.initiativeId);
  if (!entry) return null;
  switch (action.kind) {
    case 'milestone': {
      const milestone = entry.milestones.find((m) => m.id === action.milestoneId);
      return milestone ? <MilestoneDialog entry={entry} milestone={milestone} reload={reload} onClose={onClose} /> : null;
    }
    case 'bulk-contacts':
      return <BulkContactsDialog entry={entry} participants={participants} reload={reload} onClose={onClose} />;
    case 'contact': {
      const region = participants.find((p) => p.code === action.regionCode);
      return region ? <ContactDialog entry={entry} region={region} details={details} reload={reload} onClose={onClose} /> : null;
    }
    case 'template':
      return <TemplateDialog entry={entry} reload={reload} onClose={onClose} />;
    case 'add-milestone':
      return <AddMilestoneDialog entry={entry} reload={reload} onClose={onClose} />;
    case 'remove-milestone': {
      const milestone = entry.milestones.find((m) => m.id === action.milestoneId);
      return milestone ? <RemoveMilestoneDialog entry={entry} milestone={milestone} reload={reload} onClose={onClose} onRemoved={onRemoved} /> : null;
    }
    case 'connection': {
      const region = participants.find((p) => p.code === action.regionCode);
      return region ? <ConnectionDialog entry={entry} region={region} reload={reload} onClose={onClose} /> : null;
    }
    case 'history':
      return <SupportHistoryDialog entry={entry} participants={participants} details={details} reload={reload} onClose={onClose} />;
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

/** The shared form frame (editing/form-dialog.tsx), fed from usePatchSave's state as every form here is. */
function SupportFormDialog({
  title,
  description,
  focusRef,
  save,
  saveLabel,
  onClose,
  children,
}: {
  title: string;
  description: string;
  focusRef: RefObject<HTMLElement | null>;
  save: { submit(): void; saving: boolean; serverError: AppError | null; summary: SummaryItem[]; attempt: number };
  saveLabel?: string;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <FormDialog
      size="medium"
      title={title}
      description={description}
      onClose={onClose}
      onSubmit={save.submit}
      saving={save.saving}
      submitLabel={saveLabel}
      initialFocusRef={focusRef}
      error={save.serverError}
      summary={{ items: save.summary, attempt: save.attempt }}
    >
      {children}
    </FormDialog>
  );
}

// ------------------------------------------------------------------ one milestone: done, day, plan, note

const milestoneChecked = milestoneFieldsSchema.pick({ title: true, done: true, doneOn: true, dueMonth: true, note: true });

function MilestoneDialog({ entry, milestone, reload, onClose }: { entry: Entry; milestone: Milestone; reload(): Promise<void>; onClose(): void }) {
  const { t, e, formats } = useSupportEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: MilestoneField) => `${baseId}-${f}`;
  const [today] = useState(() => localIsoDate(new Date()));
  const [initial] = useState(() => milestoneValues(milestone));
  const [form, setForm] = useState<MilestoneForm>(() => milestoneForm(initial));
  const set = <K extends keyof MilestoneForm>(key: K, value: MilestoneForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const doneRef = useRef<HTMLInputElement>(null);

  const save = usePatchSave({
    validate: () => {
      const parsed = milestoneChecked.safeParse(milestoneCandidate(form, today));
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, MILESTONE_FIELD_SHAPES) };
    },
    build: (fields): UpdateMilestoneInput | null => {
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, milestoneId: milestone.id, patch, expected };
    },
    request: (payload) => invoke('updateMilestone', payload),
    // Named as saved: a rename announces the new name.
    savedMessage: (data) => t('milestoneSaved', { milestone: data.milestones.find((m) => m.id === data.milestoneId)?.title ?? milestone.title }),
    fields: supportCatalogue(t, e, MILESTONE_FIELD_SHAPES, formats),
    fieldId,
    reload,
    onClose,
  });

  const conflict = save.conflictView();
  if (conflict) return conflict;
  const { fieldError } = save;

  return (
    <SupportFormDialog title={t('milestoneTitle', { milestone: milestone.title })} description={t('milestoneIntro')} focusRef={doneRef} save={save} onClose={onClose}>
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
      <TextField id={fieldId('title')} label={t('fieldTitle')} autoComplete="off" value={form.title} error={fieldError('title')} onChange={(ev) => set('title', ev.target.value)} />
    </SupportFormDialog>
  );
}

// ------------------------------------------------------------------ add, remove, history of milestones

function AddMilestoneDialog({ entry, reload, onClose }: { entry: Entry; reload(): Promise<void>; onClose(): void }) {
  const { t, e, i18n, formats } = useSupportEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: NewMilestoneField) => `${baseId}-${f}`;
  const [form, setForm] = useState<NewMilestoneForm>(() => ({ phase: defaultPhase(entry.initiative.phase), title: '', dueMonth: '' }));
  const set = <K extends keyof NewMilestoneForm>(key: K, value: NewMilestoneForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const titleRef = useRef<HTMLInputElement>(null);

  const save = usePatchSave({
    validate: () => {
      const parsed = addMilestoneSchema.safeParse({ initiativeId: entry.initiative.id, ...newMilestoneCandidate(form) });
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, NEW_MILESTONE_FIELD_SHAPES) };
    },
    build: (fields: AddMilestoneInput): AddMilestoneInput => fields,
    request: (payload) => invoke('addMilestone', payload),
    savedMessage: () => t('milestoneAdded', { milestone: newMilestoneCandidate(form).title }),
    fields: supportCatalogue(t, e, NEW_MILESTONE_FIELD_SHAPES, formats),
    fieldId,
    reload,
    onClose,
  });

  const { fieldError } = save;
  return (
    <SupportFormDialog title={t('addMilestoneTitle', { initiative: entry.initiative.name })} description={t('addMilestoneIntro')} focusRef={titleRef} save={save} saveLabel={t('addMilestone')} onClose={onClose}>
      <TextField ref={titleRef} id={fieldId('title')} label={t('fieldTitle')} autoComplete="off" required value={form.title} error={fieldError('title')} onChange={(ev) => set('title', ev.target.value)} />
      <div className="io-form__row">
        <SelectField
          id={fieldId('phase')}
          label={t('fieldPhase')}
          value={form.phase}
          error={fieldError('phase')}
          onChange={(ev) => set('phase', ev.target.value as Phase)}
          options={PHASES.map((p) => ({ value: p, label: i18n.label(PHASE_LABELS, p) }))}
        />
        <TextField
          id={fieldId('dueMonth')}
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
    </SupportFormDialog>
  );
}

function RemoveMilestoneDialog({
  entry,
  milestone,
  reload,
  onClose,
  onRemoved,
}: {
  entry: Entry;
  milestone: Milestone;
  reload(): Promise<void>;
  onClose(): void;
  onRemoved(removed: RemovedMilestone): void;
}) {
  const { t, i18n } = useSupportEditorText();
  const announce = useAnnounce();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // Focus on Cancel: a removal is one Enter away otherwise.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    const res = await invoke('removeMilestone', { initiativeId: entry.initiative.id, milestoneId: milestone.id });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      announce(i18n.t('retry'));
      return;
    }
    announce(t('removed', { milestone: milestone.title }));
    announceSaved(res.data);
    if (res.data.historyId) onRemoved({ initiativeId: entry.initiative.id, historyId: res.data.historyId, title: milestone.title });
    onClose();
    void reload();
  };
  return (
    <Dialog
      open
      size="small"
      title={t('removeTitle', { milestone: milestone.title })}
      onClose={onClose}
      initialFocusRef={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} onClick={onClose}>
            {i18n.t('cancel')}
          </Button>
          <Button appearance="danger" isLoading={saving} onClick={() => void remove()}>
            {t('removeConfirm')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} alert /> : null}
      <p>{t('removeBody')}</p>
    </Dialog>
  );
}

/** The initiative's history; its milestone and contact changes can be restored from it. */
function SupportHistoryDialog({ entry, participants, details, reload, onClose }: { entry: Entry; participants: Participant[]; details: DetailsStore; reload(): Promise<void>; onClose(): void }) {
  const { t, e, formats } = useSupportEditorText();
  const catalogue = supportCatalogue(t, e, { ...MILESTONE_FIELD_SHAPES, ...CONTACT_FIELD_SHAPES }, formats);
  // A removal's old value is the whole milestone: named by its title, not as an object.
  const text = {
    label: (field: string) => (field === 'milestone' ? t('milestoneField') : catalogue.label(field as MilestoneField)),
    format: (field: string, value: unknown) =>
      field === 'milestone' && typeof value === 'object' && value !== null && 'milestone' in value
        ? String((value as { milestone: { title?: unknown } }).milestone.title ?? '')
        : catalogue.format(field as MilestoneField, value),
  };
  const milestone: ChangeKind<UpdateMilestoneInput, MilestonesWriteResult> = { ...MILESTONE_CHANGES, ...text, send: (p) => invoke('updateMilestone', p) };
  const removal: ChangeKind<RestoreMilestoneAction, MilestonesWriteResult> = {
    ...MILESTONE_REMOVALS,
    ...text,
    send: (p) => invoke('restoreMilestone', { initiativeId: p.initiativeId, historyId: p.historyId }),
  };
  const contact: ChangeKind<UpdateContactInput, ContactWriteResult> = {
    ...CONTACT_CHANGES,
    ...text,
    send: (p) => invoke('updateContact', p),
    saved: (_p, data) => details.saved(data.initiativeId, data.regionCode, data.details, data.revision),
  };
  const kinds: ChangeKindRegistry = [milestone, removal, contact, { ...OTHER_SUPPORT_CHANGES, ...text }] as ChangeKindRegistry;
  return <HistoryDialog initiative={entry.initiative} regionCode={null} regions={participants} kinds={kinds} reload={reload} onClose={onClose} />;
}

// ------------------------------------------------------------------ one participant's connection process

function ConnectionDialog({ entry, region, reload, onClose }: { entry: Entry; region: Participant; reload(): Promise<void>; onClose(): void }) {
  const { t, e, i18n, locale, formats } = useSupportEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: ConnectionField) => `${baseId}-${f}`;
  const [initial] = useState<ConnectionValues>(() => {
    const shown = entry.contacts.find((c) => c.regionCode === region.code)?.connection ?? null;
    return { start: shown?.start ?? null, done: shown?.done ?? 0 };
  });
  const [form, setForm] = useState<ConnectionForm>(() => ({ start: initial.start ?? '', done: initial.done }));
  const startRef = useRef<HTMLInputElement>(null);
  // The planned days follow the start as typed, once it is a real day.
  const typedStart = connectionFieldsSchema.shape.start.safeParse(form.start.trim() || null);
  const start = typedStart.success ? typedStart.data : null;

  const save = usePatchSave({
    validate: () => {
      const parsed = connectionFieldsSchema.safeParse(connectionCandidate(form));
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, CONNECTION_FIELD_SHAPES) };
    },
    build: (fields): UpdateConnectionInput | null => {
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, regionCode: region.code, patch, expected };
    },
    request: (payload) => invoke('updateConnection', payload),
    savedMessage: () => t('connectionSaved', { region: region.name }),
    fields: { ...supportCatalogue(t, e, CONNECTION_FIELD_SHAPES, formats), label: (f) => t(f === 'start' ? 'fieldStart' : 'fieldSteps') },
    fieldId,
    reload,
    onClose,
  });

  const conflict = save.conflictView();
  if (conflict) return conflict;
  const { fieldError } = save;

  return (
    <SupportFormDialog title={t('connectionTitle', { region: region.name, initiative: entry.initiative.name })} description={t('connectionIntro')} focusRef={startRef} save={save} onClose={onClose}>
      <TextField
        ref={startRef}
        id={fieldId('start')}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        label={t('fieldStart')}
        help={t('fieldStartHelp')}
        placeholder="2026-03-02"
        value={form.start}
        error={fieldError('start')}
        onChange={(ev) => setForm((f) => ({ ...f, start: ev.target.value }))}
      />
      <fieldset className="io-fieldset" id={fieldId('done')}>
        <legend>{t('fieldSteps')}</legend>
        {CONNECTION_STAGES.map((stage) => (
          <fieldset className="io-fieldset sp-stage" key={stage.id}>
            <legend>{stage.title[locale]}</legend>
            {CONNECTION_STEPS.filter((s) => s.stage === stage.id).map((s) => (
              <CheckboxField
                key={s.n}
                id={`${fieldId('done')}-${s.n}`}
                label={`${s.n}. ${s.title[locale]}`}
                help={start ? t('stepPlanned', { date: i18n.formatDate(addWeeks(start, s.weekOffset)), week: s.weekOffset }) : t('stepWeek', { week: s.weekOffset })}
                checked={isStepDone(form.done, s.n)}
                disabled={!start}
                onChange={(ev) => setForm((f) => ({ ...f, done: toggleStep(f.done, s.n, ev.target.checked) }))}
              />
            ))}
          </fieldset>
        ))}
      </fieldset>
    </SupportFormDialog>
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

  const save = usePatchSave({
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

  const conflict = save.conflictView();
  if (conflict) return conflict;
  const { fieldError } = save;

  return (
    <SupportFormDialog title={t('contactTitle', { region: region.name, initiative: entry.initiative.name })} description={t('contactIntro')} focusRef={establishedRef} save={save} onClose={onClose}>
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
    </SupportFormDialog>
  );
}

// ------------------------------------------------------------------ contact established for several at once

/** At most this many participants per call: one transaction holds 25 operations (decision 0012). */
const BULK_PER_CALL = 22;

function BulkContactsDialog({ entry, participants, reload, onClose }: { entry: Entry; participants: Participant[]; reload(): Promise<void>; onClose(): void }) {
  const { t, i18n } = useSupportEditorText();
  const announce = useAnnounce();
  const baseId = useId().replace(/:/g, '');
  const [selected, setSelected] = useState<string[]>([]);
  const [since, setSince] = useState(() => localIsoDate(new Date()));
  const [sinceError, setSinceError] = useState<string | null>(null);
  const [saving, setSaving] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const byCode = new Map(entry.contacts.map((c) => [c.regionCode, c]));
  const shown = participants.filter((p) => byCode.has(p.code));
  const calls = Math.ceil(selected.length / BULK_PER_CALL);

  const submit = async () => {
    if (saving) return;
    const day = since.trim() === '' ? null : since.trim();
    if (day !== null && (!bulkUpdateContactsSchema.shape.contactSince.safeParse(day).success || day > localIsoDate(new Date()))) {
      setSinceError(t('bulkSinceInvalid'));
      document.getElementById(`${baseId}-since`)?.focus();
      return;
    }
    setSinceError(null);
    if (selected.length === 0) {
      setNotice(t('bulkNone'));
      document.getElementById(`${baseId}-p-0`)?.focus();
      return;
    }
    // In programme order; only those that change, each with what the editor saw.
    const codes = shown.map((p) => p.code).filter((code) => selected.includes(code) && !(byCode.get(code)!.established && byCode.get(code)!.since === day));
    if (codes.length === 0) {
      announce(t('bulkNothing'));
      onClose();
      return;
    }
    setNotice(null);
    setError(null);
    let saved = 0;
    setSaving({ done: 0, total: codes.length });
    for (let i = 0; i < codes.length; i += BULK_PER_CALL) {
      const batch = codes.slice(i, i + BULK_PER_CALL);
      const expected = Object.fromEntries(batch.map((code) => [code, { contactEstablished: byCode.get(code)!.established, contactSince: byCode.get(code)!.since }]));
      const res = await invoke('bulkUpdateContacts', { initiativeId: entry.initiative.id, regionCodes: batch, contactSince: day, expected });
      if (!res.ok) {
        setSaving(null);
        // Each call is one transaction: what was saved before stays saved, this call and the rest are not.
        const partial = saved > 0 ? t('bulkPartial', { saved, total: codes.length }) : t('bulkNothingSaved');
        const text = res.error.code === 'CONFLICT' ? `${partial} ${t('bulkConflict')}` : partial;
        setNotice(text);
        announce(text);
        if (res.error.code !== 'CONFLICT') setError(res.error);
        setSelected((s) => s.filter((c) => !codes.slice(0, saved).includes(c)));
        await reload();
        return;
      }
      announceSaved(res.data);
      saved += batch.length;
      setSaving({ done: saved, total: codes.length });
    }
    setSaving(null);
    announce(t('bulkDone', { count: saved }));
    onClose();
    void reload();
  };

  const statusOf = (code: string) => {
    const c = byCode.get(code);
    if (!c) return null;
    const text = !c.established ? t('bulkNotEstablished') : c.since ? t('bulkEstablishedSince', { date: i18n.formatDate(c.since) }) : t('bulkEstablished');
    return <span className="io-muted">({text})</span>;
  };

  return (
    <FormDialog
      title={t('bulkContactsTitle', { initiative: entry.initiative.name })}
      description={t('bulkContactsIntro')}
      onClose={onClose}
      onSubmit={() => void submit()}
      saving={saving !== null}
      submitLabel={t('bulkApply', { count: selected.length })}
      error={error}
    >
      {notice ? <SectionMessage appearance="warning" role="alert" title={notice} /> : null}
      <TextField
        id={`${baseId}-since`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        label={t('fieldContactSince')}
        help={t('bulkSinceHelp')}
        placeholder="2026-03-15"
        value={since}
        error={sinceError ?? undefined}
        onChange={(ev) => setSince(ev.target.value)}
      />
      <ParticipantChecklist
        legend={t('bulkParticipants')}
        participants={shown}
        selected={selected}
        onChange={setSelected}
        idPrefix={`${baseId}-p`}
        quick={[
          { label: t('bulkSelectAll'), codes: () => shown.map((p) => p.code) },
          { label: t('bulkSelectOpen'), codes: () => shown.map((p) => p.code).filter((code) => !byCode.get(code)!.established) },
          { label: t('bulkSelectNone'), codes: () => [] },
        ]}
        badge={statusOf}
        note={
          saving ? (
            <p role="status">{t('bulkProgress', saving)}</p>
          ) : calls > 1 ? (
            <p className="io-muted">{t('bulkBatches', { count: selected.length, calls })}</p>
          ) : null
        }
        errorId={`${baseId}-p-error`}
        error={notice}
      />
    </FormDialog>
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
