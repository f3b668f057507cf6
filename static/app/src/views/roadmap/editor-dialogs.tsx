import { useId, useRef, useState, type ReactNode } from 'react';
import type { CellWriteResult, RoadmapView } from '@shared/contract';
import type { Result } from '@shared/errors';
import type { Participant } from '@shared/model';
import type { UpdateCellInput } from '@shared/schemas';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { ConsistencyWarnings } from '../../components/consistency-warnings';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { TextField } from '../../components/field';
import { CELL_CHANGES, INITIATIVE_CHANGES, OTHER_CHANGES, type RestoreInitiativeInput } from '../../editing/change-kinds';
import { ErrorSummary } from '../../editing/error-summary';
import { formatStoredValue, type FieldCatalogue, type FieldText } from '../../editing/fields';
import type { ChangeKind, ChangeKindRegistry } from '../../editing/history';
import { HistoryDialog } from '../../editing/history-dialog';
import type { FieldShape } from '../../editing/form-errors';
import { editingMessages } from '../../editing/messages';
import { announcingSave, usePatchSave, type FormCheck } from '../../editing/use-patch-save';
import { useI18n, useMessages } from '../../i18n';
import { roadmapMessages } from './messages';
import {
  buildNationalUpdate,
  buildPlanUpdate,
  formOf,
  NATIONAL_FIELDS,
  NATIONAL_SHAPES,
  PLAN_FIELDS,
  PLAN_SHAPES,
  validateNationalForm,
  validatePlanForm,
  type MonthForm,
  type Months,
  type NationalField,
  type PlanField,
  type WindowField,
} from './window-form';
import { knownFromWarnings, previewTime } from '../../editing/warning-preview';
import { nationalPreview, previewWarnings, type PlanContext } from './window-preview';

type Entry = RoadmapView['initiatives'][number];

/** What an editor has asked to change: a participant's planned windows or the national ones. */
export type WindowAction = { kind: 'participant'; initiativeId: string; regionCode: string } | { kind: 'national'; initiativeId: string };

export interface WindowDialogsProps {
  action: WindowAction;
  initiatives: readonly Entry[];
  participants: readonly Participant[];
  reload(): Promise<void>;
  onClose(): void;
}

// Field labels: messages without placeholders.
const LABEL: Record<WindowField, 'fieldPilotStart' | 'fieldPilotEnd' | 'fieldBroadStart' | 'fieldBroadEnd' | 'fieldNationalPilotStart' | 'fieldNationalPilotEnd' | 'fieldNationalBroadStart' | 'fieldNationalBroadEnd'> = {
  pilotStart: 'fieldPilotStart',
  pilotEnd: 'fieldPilotEnd',
  broadStart: 'fieldBroadStart',
  broadEnd: 'fieldBroadEnd',
  nationalPilotStart: 'fieldNationalPilotStart',
  nationalPilotEnd: 'fieldNationalPilotEnd',
  nationalBroadStart: 'fieldNationalBroadStart',
  nationalBroadEnd: 'fieldNationalBroadEnd',
};

/**
 * The roadmap's editing dialogs, in one chunk only editors download (it carries the validation schemas).
 * "Historik" in a form swaps the form for the history of its months; closing the history brings the form
 * back, opened afresh from the data as it is then (a restore has changed it).
 */
export default function WindowDialogs({ action, initiatives, participants, reload, onClose }: WindowDialogsProps) {
  const [history, setHistory] = useState(false);
  const tv = useMessages(roadmapMessages);
  const text = useWindowText();
  const entry = initiatives.find((e) => e.initiative.id === action.initiativeId);
  if (!entry) return null;
  if (history) {
    const national = action.kind === 'national';
    return (
      <HistoryDialog
        initiative={entry.initiative}
        regionCode={national ? null : action.regionCode}
        regions={[...participants]}
        kinds={windowChangeKinds(text)}
        fields={national ? NATIONAL_FIELDS : PLAN_FIELDS}
        title={national ? tv('historyNationalTitle', { initiative: entry.initiative.name }) : undefined}
        reload={reload}
        onClose={() => setHistory(false)}
      />
    );
  }
  const openHistory = () => setHistory(true);
  if (action.kind === 'national') return <NationalDialog entry={entry} participants={participants} reload={reload} onClose={onClose} onHistory={openHistory} />;
  const region = participants.find((p) => p.code === action.regionCode);
  const plan = entry.regions.find((r) => r.regionCode === action.regionCode);
  if (!region || !plan) return null;
  return <ParticipantDialog entry={entry} region={region} plan={plan} reload={reload} onClose={onClose} onHistory={openHistory} />;
}

/**
 * The window history's change kinds: a participant's months restored through updateCell, the national ones
 * through upsertInitiative (both announced to the page's other macros), the rest shown only. The history
 * dialog reloads the roadmap after a restore.
 */
function windowChangeKinds(text: FieldText): ChangeKindRegistry {
  const cell: ChangeKind<UpdateCellInput, CellWriteResult> = { ...CELL_CHANGES, ...text, send: (payload) => invoke('updateCell', payload).then(announcingSave) };
  const initiative: ChangeKind<RestoreInitiativeInput> = { ...INITIATIVE_CHANGES, ...text, send: (payload) => invoke('upsertInitiative', payload).then(announcingSave) };
  return [cell, initiative, { ...OTHER_CHANGES, ...text }];
}

/** The months' names and values in words; a field that is not a month (only in a history) keeps its name. */
function useWindowText(): FieldText {
  const tv = useMessages(roadmapMessages);
  const e = useMessages(editingMessages);
  const { formatMonth } = useI18n();
  return {
    label: (f) => (Object.hasOwn(LABEL, f) ? tv(LABEL[f as WindowField]) : f),
    format: (f, value) => formatStoredValue(value, e, (s) => (Object.hasOwn(LABEL, f) ? formatMonth(s) : s)),
  };
}

function useCatalogue<F extends WindowField>(shapes: Record<F, FieldShape>): FieldCatalogue<F> {
  return { shapes, ...useWindowText() };
}

function ParticipantDialog({
  entry,
  region,
  plan,
  reload,
  onClose,
  onHistory,
}: {
  entry: Entry;
  region: Participant;
  plan: Entry['regions'][number];
  reload(): Promise<void>;
  onClose(): void;
  onHistory(): void;
}) {
  const tv = useMessages(roadmapMessages);
  const { formatMonth } = useI18n();
  const i = entry.initiative;
  // The plan as the editor saw it when they opened the form: the values the server is told to expect.
  const [initial] = useState<Months<PlanField>>(() => ({ pilotStart: plan.pilotStart, pilotEnd: plan.pilotEnd, broadStart: plan.broadStart, broadEnd: plan.broadEnd }));
  const [form, setForm] = useState(() => formOf(PLAN_FIELDS, initial));
  const catalogue = useCatalogue(PLAN_SHAPES);
  // Everything the look-ahead rules read besides the months; the open needs' titles only where the plan's
  // current warnings name them all (the roadmap view carries their number, not their titles).
  const [context] = useState<PlanContext>(() => {
    const titles = knownFromWarnings(plan.warnings).titles;
    return {
      status: plan.status,
      contactEstablished: plan.contactEstablished,
      open: { count: plan.openRequiredNeeds, titles: titles.length === plan.openRequiredNeeds ? titles : [] },
      time: previewTime(new Date(), entry.planningOpen),
    };
  });
  const warnings = previewWarnings(form, i, context);
  const period = (start: string | null, end: string | null) =>
    start || end ? tv('range', { start: start ? formatMonth(start) : '…', end: end ? formatMonth(end) : '…' }) : tv('notPlanned');
  return (
    <WindowDialog
      title={tv('editParticipantTitle', { initiative: i.name, region: region.name })}
      context={`${tv('nationalPilotContext', { value: period(i.nationalPilotStart, i.nationalPilotEnd) })} ${tv('nationalBroadContext', { value: period(i.nationalBroadStart, i.nationalBroadEnd) })}`}
      fields={PLAN_FIELDS}
      form={form}
      setForm={setForm}
      catalogue={catalogue}
      validate={() => validatePlanForm(form)}
      build={(fields) => buildPlanUpdate(i.id, region.code, initial, fields)}
      request={(payload) => invoke('updateCell', payload)}
      savedMessage={() => tv('savedParticipant', { initiative: i.name, region: region.name })}
      preview={<ConsistencyWarnings warnings={warnings} />}
      empty={warnings.length === 0}
      reload={reload}
      onClose={onClose}
      onHistory={onHistory}
    />
  );
}

function NationalDialog({
  entry,
  participants,
  reload,
  onClose,
  onHistory,
}: {
  entry: Entry;
  participants: readonly Participant[];
  reload(): Promise<void>;
  onClose(): void;
  onHistory(): void;
}) {
  const tv = useMessages(roadmapMessages);
  const i = entry.initiative;
  const [initial] = useState<Months<NationalField>>(() => ({
    nationalPilotStart: i.nationalPilotStart,
    nationalPilotEnd: i.nationalPilotEnd,
    nationalBroadStart: i.nationalBroadStart,
    nationalBroadEnd: i.nationalBroadEnd,
  }));
  const [form, setForm] = useState(() => formOf(NATIONAL_FIELDS, initial));
  const catalogue = useCatalogue(NATIONAL_SHAPES);
  const affected = nationalPreview(form, entry.regions);
  const nameOf = (code: string) => participants.find((p) => p.code === code)?.name ?? code;
  return (
    <WindowDialog
      title={tv('editNationalTitle', { initiative: i.name })}
      fields={NATIONAL_FIELDS}
      form={form}
      setForm={setForm}
      catalogue={catalogue}
      validate={() => validateNationalForm(form)}
      build={(fields) => buildNationalUpdate(i.id, initial, fields)}
      request={(payload) => invoke('upsertInitiative', payload)}
      savedMessage={() => tv('savedNational', { initiative: i.name })}
      preview={
        <ul className="io-roadmap-preview__regions">
          {affected.map((a) => (
            <li key={a.regionCode}>
              <span className="io-roadmap-preview__region">{nameOf(a.regionCode)}</span>
              <ConsistencyWarnings warnings={a.warnings} />
            </li>
          ))}
        </ul>
      }
      empty={affected.length === 0}
      reload={reload}
      onClose={onClose}
      onHistory={onHistory}
    />
  );
}

interface WindowDialogProps<F extends WindowField, P extends object, R> {
  title: string;
  context?: string;
  fields: readonly F[];
  form: MonthForm<F>;
  setForm(update: (f: MonthForm<F>) => MonthForm<F>): void;
  catalogue: FieldCatalogue<F>;
  validate(): FormCheck<F, Months<F>>;
  build(fields: Months<F>): P | null;
  request(payload: P): Promise<Result<R>>;
  savedMessage(data: R): string;
  /** The warnings the change would create (only the rules the form's months decide). */
  preview: ReactNode;
  empty: boolean;
  reload(): Promise<void>;
  onClose(): void;
  /** Opens the history of these months (in place of the form). */
  onHistory(): void;
}

/** Four month fields (pilot and broad rollout, start and end), the preview, and the shared save flow. */
function WindowDialog<F extends WindowField, P extends object, R>(props: WindowDialogProps<F, P, R>) {
  const { title, context, fields, form, setForm, catalogue, preview, empty, onClose, onHistory } = props;
  const tv = useMessages(roadmapMessages);
  const i18n = useI18n();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: F) => `${baseId}-${f}`;
  const previewId = `${baseId}-preview`;
  // Focus starts in the first month, where the editor types.
  const firstRef = useRef<HTMLInputElement>(null);
  const { submit, saving, serverError, summary, attempt, fieldError, conflictView } = usePatchSave<F, Months<F>, P, R>({
    validate: props.validate,
    build: props.build,
    request: props.request,
    savedMessage: props.savedMessage,
    fields: catalogue,
    fieldId,
    reload: props.reload,
    onClose,
  });

  const conflict = conflictView();
  if (conflict) return conflict;

  const group = (legend: string, pair: readonly F[]) => (
    <fieldset className="io-fieldset">
      <legend>{legend}</legend>
      <div className="io-form__row">
        {pair.map((f) => (
          <TextField
            key={f}
            id={fieldId(f)}
            ref={f === fields[0] ? firstRef : undefined}
            // Text, not type="month" (missing in Firefox and Safari; Chromium formats it in the browser's language).
            type="text"
            inputMode="numeric"
            autoComplete="off"
            label={catalogue.label(f)}
            help={tv('monthHelp')}
            placeholder="2026-03"
            value={form[f]}
            error={fieldError(f)}
            onChange={(e) => {
              const value = e.target.value;
              setForm((prev) => ({ ...prev, [f]: value }));
            }}
          />
        ))}
      </div>
    </fieldset>
  );

  return (
    <Dialog
      open
      size="large"
      title={title}
      description={tv('editIntro')}
      initialFocusRef={firstRef}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          {/* Only editors open this form; the server refuses the history to anonymous readers as well. */}
          <Button appearance="subtle" className="io-roadmap__history" onClick={onHistory} disabled={saving}>
            {tv('history')}
          </Button>
          <Button onClick={onClose}>{i18n.t('cancel')}</Button>
          <Button type="submit" appearance="primary" isLoading={saving}>
            {saving ? i18n.t('saving') : i18n.t('save')}
          </Button>
        </>
      }
    >
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      <ErrorSummary items={summary} attempt={attempt} />
      {context ? <p className="io-muted">{context}</p> : null}
      {group(tv('groupPilot'), fields.slice(0, 2))}
      {group(tv('groupBroad'), fields.slice(2, 4))}
      <section className="io-roadmap-preview" aria-labelledby={`${previewId}-title`}>
        <h3 className="io-roadmap-preview__title" id={`${previewId}-title`}>
          {tv('previewTitle')}
        </h3>
        {/* Polite: what the typed months would give is read out when it changes, not on every key. */}
        <div aria-live="polite" id={previewId}>
          {empty ? <p>{tv('previewNone')}</p> : preview}
        </div>
        <p className="io-muted io-roadmap-preview__note">{tv('previewNote')}</p>
      </section>
    </Dialog>
  );
}
