import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { NeedProgressWriteResult, NeedWriteResult } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Participant } from '@shared/model';
import { NEED_CATALOGUE_KEYS, NEED_CATALOGUE_TITLES, needFromCatalogue, type NeedCatalogueKey } from '@shared/need-catalogue';
import { needFieldsSchema, needProgressFieldsSchema, type NeedFields, type UpdateNeedProgressInput, type UpsertNeedInput } from '@shared/schemas';
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, NEED_PROGRESS, NEED_PROGRESS_LABELS, type NeedProgress } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { SectionMessage } from '../../components/section-message';
import type { DetailsStore } from '../../details/details-store';
import type { CellWrites } from '../../editing/cell-writes';
import { FormDialog } from '../../editing/form-dialog';
import { diffFields, emptyToNull, issuesToFieldErrors } from '../../editing/form-errors';
import type { ChangeKind, ChangeKindRegistry } from '../../editing/history';
import { HistoryDialog } from '../../editing/history-dialog';
import { editingMessages } from '../../editing/messages';
import { usePatchSave } from '../../editing/use-patch-save';
import { previewTime } from '../../editing/warning-preview';
import { WarningPreviewNote } from '../../editing/warning-preview-note';
import { useI18n, useMessages } from '../../i18n';
import { needsEditorMessages, type TNeedsEditor } from './editor-messages';
import {
  NEED_CHANGES,
  NEED_FIELD_SHAPES,
  NEED_REMOVALS,
  needsCatalogue,
  needsFieldText,
  OTHER_CHANGES,
  PROGRESS_CHANGES,
  PROGRESS_FIELD_SHAPES,
  type NeedField,
  type ProgressField,
  type RestoreNeedAction,
} from './fields';
import { bulkProgressWarnings, progressWarnings } from './progress-preview';
import { bulkBatches, bulkExpected, openParticipants, progressScope, type InitiativeNeeds, type Need, type ProgressEntry, type ProgressLookup } from './view-model';

/** What an editor has asked to do; one dialog at a time. */
export type EditorAction =
  | { kind: 'need'; initiativeId: string; needId: string | null }
  | { kind: 'remove'; initiativeId: string; needId: string }
  | { kind: 'progress'; initiativeId: string; needId: string; regionCode: string }
  | { kind: 'bulk'; initiativeId: string }
  | { kind: 'history'; initiativeId: string; needId: string | null };

export interface EditorDialogsProps {
  action: EditorAction;
  initiatives: InitiativeNeeds[];
  participants: Participant[];
  details: DetailsStore;
  writes: CellWrites<ProgressEntry, unknown>;
  progressOf: ProgressLookup;
  reload(): Promise<void>;
  onClose(): void;
}

function useNeedsEditorText() {
  const i18n = useI18n();
  return { t: useMessages(needsEditorMessages), e: useMessages(editingMessages), i18n, locale: i18n.locale };
}

/** Every editing dialog of the view, in one chunk only editors download (it carries the validation schemas). */
export default function EditorDialogs({ action, initiatives, participants, details, writes, progressOf, reload, onClose }: EditorDialogsProps) {
  const { t, e, locale } = useNeedsEditorText();
  const entry = initiatives.find((i) => i.initiative.id === action.initiativeId);
  if (!entry) return null;
  const needOf = (id: string | null) => (id ? entry.needs.find((n) => n.id === id) : undefined);
  switch (action.kind) {
    case 'need': {
      const need = needOf(action.needId);
      if (action.needId && !need) return null;
      return <NeedDialog entry={entry} need={need ?? null} reload={reload} onClose={onClose} />;
    }
    case 'remove': {
      const need = needOf(action.needId);
      return need ? <RemoveNeedDialog entry={entry} need={need} reload={reload} onClose={onClose} /> : null;
    }
    case 'progress': {
      const need = needOf(action.needId);
      const region = participants.find((p) => p.code === action.regionCode);
      const current = need ? progressOf(entry.initiative.id, need, action.regionCode) : undefined;
      if (!need || !region || !current) return null;
      return <ProgressDialog entry={entry} need={need} region={region} current={current} progressOf={progressOf} details={details} writes={writes} reload={reload} onClose={onClose} />;
    }
    case 'bulk':
      return <BulkProgressDialog entry={entry} participants={participants} progressOf={progressOf} writes={writes} reload={reload} onClose={onClose} />;
    case 'history': {
      const need = needOf(action.needId);
      const titles = new Map(entry.needs.map((n) => [n.id, n.title]));
      const text = needsFieldText(t, e, locale, (id) => titles.get(id) ?? id);
      return (
        <HistoryDialog
          initiative={entry.initiative}
          regionCode={null}
          regions={participants}
          kinds={needChangeKinds(text, writes)}
          needId={need?.id}
          title={need ? t('historyNeedTitle', { need: need.title }) : undefined}
          reload={reload}
          onClose={onClose}
        />
      );
    }
  }
}

function needChangeKinds(text: ReturnType<typeof needsFieldText>, writes: CellWrites<ProgressEntry, unknown>): ChangeKindRegistry {
  const need: ChangeKind<Extract<UpsertNeedInput, { patch: object }>, NeedWriteResult> = { ...NEED_CHANGES, ...text, send: (p) => invoke('upsertNeed', p) };
  const removal: ChangeKind<RestoreNeedAction, NeedWriteResult> = {
    ...NEED_REMOVALS,
    ...text,
    send: (p) => invoke('restoreNeed', { initiativeId: p.initiativeId, historyId: p.historyId }),
  };
  const progress: ChangeKind<UpdateNeedProgressInput, NeedProgressWriteResult> = {
    ...PROGRESS_CHANGES,
    ...text,
    send: (p) => invoke('updateNeedProgress', p),
    saved: (p, data) => writes.succeed(progressScope(p.initiativeId, p.needId), [toEntry(data)], { revision: data.revision }),
  };
  return [need, removal, progress, { ...OTHER_CHANGES, ...text }];
}

function toEntry(data: NeedProgressWriteResult): ProgressEntry {
  return { regionCode: data.entry.regionCode, progress: data.entry.progress, hasNote: data.note !== '', updatedAt: data.entry.updatedAt, stale: false };
}

// ------------------------------------------------------------------ add or edit a need

interface NeedForm {
  title: string;
  category: NeedFields['category'];
  required: boolean;
  description: string;
  link: string;
}

const formOf = (n: NeedFields): NeedForm => ({ title: n.title, category: n.category, required: n.required, description: n.description, link: n.link ?? '' });
const EMPTY_NEED: NeedFields = { title: '', category: 'other', required: true, description: '', link: null };

function NeedDialog({ entry, need, reload, onClose }: { entry: InitiativeNeeds; need: Need | null; reload(): Promise<void>; onClose(): void }) {
  const { t, e, locale } = useNeedsEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: NeedField) => `${baseId}-${f}`;
  const [initial] = useState<NeedFields>(() => (need ? { title: need.title, category: need.category, required: need.required, description: need.description, link: need.link } : EMPTY_NEED));
  const [form, setForm] = useState<NeedForm>(() => formOf(initial));
  const [pick, setPick] = useState('');
  const set = <K extends keyof NeedForm>(key: K, value: NeedForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const { submit, saving, serverError, summary, attempt, fieldError, conflictView } = usePatchSave({
    validate: () => {
      const parsed = needFieldsSchema.safeParse({ ...form, title: form.title.trim(), description: form.description.trim(), link: emptyToNull(form.link) });
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, NEED_FIELD_SHAPES) };
    },
    build: (fields: NeedFields): UpsertNeedInput | null => {
      if (!need) return { initiativeId: entry.initiative.id, fields };
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, needId: need.id, patch, expected };
    },
    request: (payload) => invoke('upsertNeed', payload),
    savedMessage: (data) => t(need ? 'needSaved' : 'needAdded', { need: data.need.title }),
    fields: needsCatalogue(needsFieldText(t, e, locale), NEED_FIELD_SHAPES),
    fieldId,
    reload,
    onClose,
  });

  const conflict = conflictView();
  if (conflict) return conflict;

  return (
    <FormDialog
      title={need ? t('editNeedTitle', { need: need.title }) : t('addNeedTitle', { initiative: entry.initiative.name })}
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
      error={serverError}
      summary={{ items: summary, attempt }}
    >
      {need ? null : (
        <SelectField
          label={t('catalogue')}
          help={t('catalogueHelp')}
          value={pick}
          onChange={(ev) => {
            setPick(ev.target.value);
            if (ev.target.value) setForm(formOf(needFromCatalogue(ev.target.value as NeedCatalogueKey, locale)));
          }}
          options={[{ value: '', label: t('catalogueOwn') }, ...NEED_CATALOGUE_KEYS.map((k) => ({ value: k, label: NEED_CATALOGUE_TITLES[k][locale] }))]}
        />
      )}
      <TextField id={fieldId('title')} label={t('fieldTitle')} required value={form.title} error={fieldError('title')} onChange={(ev) => set('title', ev.target.value)} />
      <SelectField
        id={fieldId('category')}
        label={t('fieldCategory')}
        value={form.category}
        error={fieldError('category')}
        onChange={(ev) => set('category', ev.target.value as NeedForm['category'])}
        options={NEED_CATEGORIES.map((c) => ({ value: c, label: NEED_CATEGORY_LABELS[c][locale] }))}
      />
      <CheckboxField id={fieldId('required')} label={t('fieldRequired')} checked={form.required} onChange={(ev) => set('required', ev.target.checked)} />
      <TextAreaField id={fieldId('description')} label={t('fieldDescription')} value={form.description} error={fieldError('description')} onChange={(ev) => set('description', ev.target.value)} />
      <TextField
        id={fieldId('link')}
        type="url"
        inputMode="url"
        label={t('fieldLink')}
        help={t('fieldLinkHelp')}
        value={form.link}
        error={fieldError('link')}
        onChange={(ev) => set('link', ev.target.value)}
      />
    </FormDialog>
  );
}

// ------------------------------------------------------------------ remove a need

function RemoveNeedDialog({ entry, need, reload, onClose }: { entry: InitiativeNeeds; need: Need; reload(): Promise<void>; onClose(): void }) {
  const { t, i18n } = useNeedsEditorText();
  const announce = useAnnounce();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = async () => {
    setSaving(true);
    setError(null);
    const res = await invoke('removeNeed', { initiativeId: entry.initiative.id, needId: need.id });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      announce(i18n.t('retry'));
      return;
    }
    announce(t('removed', { need: need.title }));
    onClose();
    void reload();
  };
  return (
    <Dialog
      open
      size="small"
      title={t('removeTitle', { need: need.title })}
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

// ------------------------------------------------------------------ one participant's progress and note

function ProgressChoice({ name, value, onChange, idOf, checkedRef, legend }: { name: string; value: NeedProgress; onChange(p: NeedProgress): void; idOf(p: NeedProgress): string; checkedRef?: React.Ref<HTMLInputElement>; legend: string }) {
  return (
    <fieldset className="io-fieldset rs-status-choice">
      <legend>{legend}</legend>
      <div className="rs-status-choice__options">
        {NEED_PROGRESS.map((p) => (
          <div className="io-radio rs-status-choice__option" key={p}>
            <input type="radio" id={idOf(p)} name={name} value={p} checked={value === p} onChange={() => onChange(p)} ref={value === p ? checkedRef : undefined} />
            <label htmlFor={idOf(p)}>
              <NeedProgressBadge progress={p} />
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type Loaded = { phase: 'loading' } | { phase: 'failed'; error: AppError } | { phase: 'ready'; note: string };

function ProgressDialog({
  entry,
  need,
  region,
  current,
  progressOf,
  details,
  writes,
  reload,
  onClose,
}: {
  entry: InitiativeNeeds;
  need: Need;
  region: Participant;
  current: ProgressEntry;
  progressOf: ProgressLookup;
  details: DetailsStore;
  writes: CellWrites<ProgressEntry, unknown>;
  reload(): Promise<void>;
  onClose(): void;
}) {
  const { t, e, locale } = useNeedsEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: ProgressField) => `${baseId}-${f}`;
  const [start] = useState(current);
  const [loaded, setLoaded] = useState<Loaded>(() => (start.hasNote ? { phase: 'loading' } : { phase: 'ready', note: '' }));
  const [attemptLoad, setAttemptLoad] = useState(0);
  const [progress, setProgress] = useState<NeedProgress>(start.progress);
  const [note, setNote] = useState('');
  const checkedRef = useRef<HTMLInputElement>(null);
  const scope = progressScope(entry.initiative.id, need.id);
  // "Soon" is counted from when the form opened, as the view's own warnings were when it was built.
  const [time] = useState(() => previewTime(new Date()));

  useEffect(() => {
    if (!start.hasNote) return;
    let live = true;
    void details.loadCellFresh(entry.initiative.id, region.code).then((res) => {
      if (!live) return;
      if (!res.ok) return setLoaded({ phase: 'failed', error: res.error });
      const text = res.data.needNotes[need.id] ?? '';
      setLoaded({ phase: 'ready', note: text });
      setNote(text);
    });
    return () => {
      live = false;
    };
  }, [details, entry.initiative.id, region.code, need.id, start.hasNote, attemptLoad]);

  const ready = loaded.phase === 'ready';
  useLayoutEffect(() => {
    if (ready) checkedRef.current?.focus();
  }, [ready]);

  const initial = { progress: start.progress, note: loaded.phase === 'ready' ? loaded.note : '' };
  const { submit, saving, serverError, summary, attempt, fieldError, conflictView } = usePatchSave({
    validate: () => {
      const parsed = needProgressFieldsSchema.safeParse({ progress, note });
      return parsed.success ? { ok: true as const, fields: parsed.data } : { ok: false as const, errors: issuesToFieldErrors(parsed.error.issues, PROGRESS_FIELD_SHAPES) };
    },
    build: (fields): UpdateNeedProgressInput | null => {
      const { patch, expected } = diffFields(initial, fields);
      return Object.keys(patch).length === 0 ? null : { initiativeId: entry.initiative.id, needId: need.id, regionCode: region.code, patch, expected };
    },
    request: async (payload) => {
      writes.begin(scope, [{ ...start, progress: payload.patch.progress ?? start.progress, hasNote: (payload.patch.note ?? initial.note) !== '' }]);
      const res = await invoke('updateNeedProgress', payload);
      if (res.ok) writes.succeed(scope, [toEntry(res.data)], { revision: res.data.revision });
      else writes.rollback(scope, [region.code]);
      return res;
    },
    savedMessage: () => t('progressSaved', { need: need.title, region: region.name }),
    fields: needsCatalogue(needsFieldText(t, e, locale), PROGRESS_FIELD_SHAPES),
    fieldId,
    reload,
    onClose,
  });

  const conflict = conflictView();
  if (conflict) return conflict;

  return (
    <FormDialog
      size="medium"
      title={t('progressTitle', { need: need.title, region: region.name })}
      description={t('progressIntro')}
      onClose={onClose}
      onSubmit={submit}
      ready={ready}
      saving={saving}
      initialFocusRef={checkedRef}
      error={serverError}
      summary={{ items: summary, attempt }}
    >
      {loaded.phase === 'failed' ? (
        <ErrorMessage
          error={loaded.error}
          title={t('progressLoadFailed')}
          alert
          onRetry={() => {
            setLoaded({ phase: 'loading' });
            setAttemptLoad((n) => n + 1);
          }}
        />
      ) : null}
      {loaded.phase === 'loading' ? <p role="status">{t('progressLoading')}</p> : null}
      {ready ? (
        <>
          <ProgressChoice
            name={`${baseId}-progress`}
            legend={t('fieldProgress')}
            value={progress}
            onChange={setProgress}
            idOf={(p) => (p === progress ? fieldId('progress') : `${fieldId('progress')}-${p}`)}
            checkedRef={checkedRef}
          />
          <TextAreaField id={fieldId('note')} label={t('fieldNote')} value={note} error={fieldError('note')} onChange={(ev) => setNote(ev.target.value)} />
          <WarningPreviewNote groups={[{ key: region.code, warnings: progressWarnings(entry, region.code, need.id, progress, time, progressOf) }]} />
        </>
      ) : null}
    </FormDialog>
  );
}

// ------------------------------------------------------------------ several participants at once

function BulkProgressDialog({
  entry,
  participants,
  progressOf,
  writes,
  reload,
  onClose,
}: {
  entry: InitiativeNeeds;
  participants: Participant[];
  progressOf: ProgressLookup;
  writes: CellWrites<ProgressEntry, unknown>;
  reload(): Promise<void>;
  onClose(): void;
}) {
  const { t, locale } = useNeedsEditorText();
  const announce = useAnnounce();
  const baseId = useId().replace(/:/g, '');
  const [needId, setNeedId] = useState(entry.needs[0]?.id ?? '');
  const [selected, setSelected] = useState<string[]>([]);
  const [progress, setProgress] = useState<NeedProgress>('done');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const need = entry.needs.find((n) => n.id === needId);
  const byCode = new Map(need?.progress.map((p) => [p.regionCode, p]) ?? []);
  const calls = Math.ceil(selected.length / 22);
  const [time] = useState(() => previewTime(new Date()));
  const nameOf = (code: string) => participants.find((p) => p.code === code)?.name ?? code;
  // In programme order, whatever order the boxes were ticked in.
  const inOrder = participants.map((p) => p.code).filter((c) => selected.includes(c));
  const preview = need ? bulkProgressWarnings(entry, inOrder, need.id, progress, time, progressOf) : [];

  const toggle = (code: string) => setSelected((s) => (s.includes(code) ? s.filter((c) => c !== code) : [...s, code]));

  const submit = async () => {
    if (saving || !need) return;
    if (selected.length === 0) {
      setNotice(t('bulkNone'));
      document.getElementById(`${baseId}-p-0`)?.focus();
      return;
    }
    const expected = bulkExpected(need, selected, progress);
    const codes = Object.keys(expected);
    if (codes.length === 0) {
      announce(t('bulkNothing'));
      onClose();
      return;
    }
    setNotice(null);
    setError(null);
    setSaving(true);
    const scope = progressScope(entry.initiative.id, need.id);
    let saved = 0;
    for (const batch of bulkBatches(codes)) {
      writes.begin(scope, batch.map((code) => ({ ...byCode.get(code)!, progress })));
      const res = await invoke('bulkUpdateNeedProgress', {
        initiativeId: entry.initiative.id,
        needId: need.id,
        regionCodes: batch,
        progress,
        expected: Object.fromEntries(batch.map((c) => [c, expected[c]!])),
      });
      if (!res.ok) {
        writes.rollback(scope, batch);
        setSaving(false);
        const text = res.error.code === 'CONFLICT' ? t('bulkConflict') : saved > 0 ? t('bulkPartial', { saved, total: codes.length }) : null;
        if (text) {
          setNotice(saved > 0 && res.error.code === 'CONFLICT' ? `${t('bulkPartial', { saved, total: codes.length })} ${text}` : text);
          announce(text);
        }
        if (res.error.code !== 'CONFLICT') setError(res.error);
        setSelected((s) => s.filter((c) => !codes.slice(0, saved).includes(c)));
        await reload();
        return;
      }
      writes.succeed(scope, res.data.entries.map((en) => ({ ...byCode.get(en.regionCode)!, progress: en.progress, updatedAt: en.updatedAt, stale: false })), { revision: res.data.revision });
      saved += batch.length;
    }
    setSaving(false);
    announce(t('bulkDone', { count: saved, progress: NEED_PROGRESS_LABELS[progress][locale] }));
    onClose();
    void reload();
  };

  return (
    <FormDialog title={t('bulkTitle')} onClose={onClose} onSubmit={() => void submit()} saving={saving} submitLabel={t('bulkApply', { count: selected.length })} error={error}>
      {notice ? <SectionMessage appearance="warning" role="alert" title={notice} /> : null}
      <SelectField
        label={t('bulkNeed')}
        value={needId}
        onChange={(ev) => {
          setNeedId(ev.target.value);
          setSelected([]);
        }}
        options={entry.needs.map((n) => ({ value: n.id, label: n.title }))}
      />
      <ProgressChoice name={`${baseId}-progress`} legend={t('bulkProgress')} value={progress} onChange={setProgress} idOf={(p) => `${baseId}-progress-${p}`} />
      <fieldset className="io-fieldset">
        <legend>{t('bulkParticipants')}</legend>
        <div className="rs-bulk__select">
          <Button appearance="subtle" onClick={() => setSelected(participants.map((p) => p.code))}>
            {t('bulkSelectAll')}
          </Button>
          <Button appearance="subtle" onClick={() => setSelected(need ? openParticipants(need) : [])}>
            {t('bulkSelectOpen')}
          </Button>
          <Button appearance="subtle" onClick={() => setSelected([])}>
            {t('bulkSelectNone')}
          </Button>
        </div>
        {calls > 1 ? <p className="io-muted">{t('bulkBatches', { count: selected.length, calls })}</p> : null}
        <div className="tn-bulk__options">
          {participants.map((p, i) => {
            const id = `${baseId}-p-${i}`;
            const now = byCode.get(p.code);
            return (
              <div className="io-checkbox" key={p.code}>
                <input type="checkbox" className="io-checkbox__input" id={id} checked={selected.includes(p.code)} onChange={() => toggle(p.code)} />
                <label htmlFor={id} className="io-checkbox__label rs-bulk__region">
                  <span>{p.name}</span>
                  {now ? <NeedProgressBadge progress={now.progress} compact /> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <WarningPreviewNote groups={preview.map((p) => ({ key: p.regionCode, name: nameOf(p.regionCode), warnings: p.warnings }))} />
    </FormDialog>
  );
}

export type { TNeedsEditor };
