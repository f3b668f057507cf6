import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CellView, InitiativeHeader } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { CellDetails, CellField, CellFields, Participant } from '@shared/model';
import { ROLLOUT_STATUSES } from '@shared/vocabulary';
import { invoke } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, TextAreaField, TextField } from '../../components/field';
import { Skeleton } from '../../components/skeleton';
import { StatusLozenge } from '../../components/status-lozenge';
import type { DetailsStore } from '../../details/details-store';
import {
  buildUpdateCell,
  CELL_FIELD_SHAPES,
  cellFieldsOf,
  formFromCell,
  optimisticCell,
  validateCellForm,
  type CellFormState,
} from './cell-form';
import type { CellWrites } from '../../editing/cell-writes';
import { FormDialog } from '../../editing/form-dialog';
import { usePatchSave } from '../../editing/use-patch-save';
import { previewTime } from '../../editing/warning-preview';
import { WarningPreviewNote } from '../../editing/warning-preview-note';
import { cellFormWarnings } from './cell-preview';
import { CELL_FIELD_LABEL, fieldCatalogue } from './field-labels';
import { useEditorText } from './use-editor-text';

export interface CellEditDialogProps {
  initiative: InitiativeHeader;
  region: Participant;
  cell: CellView;
  /** Where the form's note, link and contacts come from (fetched fresh on open) and where a save puts them. */
  details: DetailsStore;
  writes: CellWrites<CellView, CellDetails>;
  reload(): Promise<void>;
  onClose(): void;
}

type Loaded = { phase: 'loading' } | { phase: 'failed'; error: AppError } | { phase: 'ready'; initial: CellFields };

/**
 * The cell form. It opens at once and fills in when the cell's details have been read: they are read fresh
 * every time, because the values the form starts from are also what it tells the server it expects.
 * Saving sends only the changed fields with the values they started from; the matrix shows the change at
 * once and rolls it back if the server refuses. The dialog stays open on failure with everything the
 * editor typed, and a conflict is shown field by field for the editor to decide.
 */
export function CellEditDialog({ initiative, region, cell, details, writes, reload, onClose }: CellEditDialogProps) {
  const { t, e, locale } = useEditorText();
  const baseId = useId().replace(/:/g, '');
  const fieldId = (f: CellField) => `${baseId}-${f}`;
  // The plan as the editor saw it when they chose the cell; a reload meanwhile does not move the baseline.
  const [plan] = useState(cell);
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [loadAttempt, setLoadAttempt] = useState(0);
  // The values the editor started from: `expected` for the server, and the baseline of "changed".
  const initial = loaded.phase === 'ready' ? loaded.initial : null;
  const [form, setForm] = useState<CellFormState | null>(null);
  const checkedStatusRef = useRef<HTMLInputElement>(null);
  // "Soon" is counted from when the form opened, as the view's own warnings were when it was built.
  const [time] = useState(() => previewTime(new Date()));

  useEffect(() => {
    let live = true;
    void details.loadCellFresh(initiative.id, region.code).then((res) => {
      if (!live) return;
      if (!res.ok) {
        setLoaded({ phase: 'failed', error: res.error });
        return;
      }
      const fields = cellFieldsOf(plan, res.data.cell);
      setLoaded({ phase: 'ready', initial: fields });
      setForm(formFromCell(fields));
    });
    return () => {
      live = false;
    };
  }, [details, initiative.id, region.code, plan, loadAttempt]);

  // The dialog opened before the form was there: once it is, focus goes where it would have gone.
  const ready = form !== null && initial !== null;
  useLayoutEffect(() => {
    if (ready) checkedStatusRef.current?.focus();
  }, [ready]);

  const { submit, saving, serverError, summary, attempt, fieldError: err, conflictView } = usePatchSave({
    validate: () => validateCellForm(form!),
    build: (fields) => buildUpdateCell(initiative.id, region.code, initial!, fields),
    // The matrix shows the change at once, and drops it again if the server refuses.
    request: async (payload) => {
      writes.begin(initiative.id, [optimisticCell(plan, initial!, payload.patch)]);
      const res = await invoke('updateCell', payload);
      if (res.ok) {
        writes.succeed(initiative.id, [res.data.cell], { revision: res.data.revision, details: { [region.code]: res.data.details } });
      } else writes.rollback(initiative.id, [region.code]);
      return res;
    },
    savedMessage: () => t('saved', { initiative: initiative.name, region: region.name }),
    fields: fieldCatalogue(CELL_FIELD_LABEL, CELL_FIELD_SHAPES, t, e, locale),
    fieldId,
    reload,
    onClose,
  });

  const set = <K extends keyof CellFormState>(key: K, value: CellFormState[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  const conflict = conflictView();
  if (conflict) return conflict;

  const title = t('editCellDialog', { initiative: initiative.name, region: region.name });

  if (!ready) {
    // The same dialog as the form (same place in the tree), so it does not close and reopen when the form comes.
    return (
      <FormDialog title={title} description={t('editIntro')} onClose={onClose} onSubmit={submit} ready={false} saving={false} initialFocusRef={checkedStatusRef}>
        {loaded.phase === 'failed' ? (
          <ErrorMessage
            error={loaded.error}
            title={t('editLoadFailed')}
            alert
            onRetry={() => {
              setLoaded({ phase: 'loading' });
              setLoadAttempt((n) => n + 1);
            }}
          />
        ) : (
          <FormSkeleton label={t('editLoading')} />
        )}
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title={title}
      description={t('editIntro')}
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
      initialFocusRef={checkedStatusRef}
      error={serverError}
      summary={{ items: summary, attempt }}
    >
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
              // Text, not type="month": that control is missing in Firefox and Safari, and Chromium formats it
              // in the browser's language, not the page's; the form validates YYYY-MM itself.
              type="text"
              inputMode="numeric"
              autoComplete="off"
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
            // Text for the same reason as the months: the page's format (ÅÅÅÅ-MM-DD), in every browser.
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2026-03-15"
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
      <WarningPreviewNote groups={[{ key: region.code, warnings: cellFormWarnings(initiative, plan, form, time) }]} />
    </FormDialog>
  );
}

/**
 * The form's outline while the cell's details are read: about the height of the form, so the dialog does
 * not jump when it arrives, and only visible after a moment (Skeleton).
 */
function FormSkeleton({ label }: { label: string }) {
  return (
    <div className="rs-form-skeleton" aria-busy="true">
      <p className="io-visually-hidden" role="status">
        {label}
      </p>
      <Skeleton width="short" />
      <div className="rs-form-skeleton__row">
        {ROLLOUT_STATUSES.map((s) => (
          <Skeleton key={s} width="short" />
        ))}
      </div>
      <Skeleton width="short" />
      <Skeleton width="full" className="rs-form-skeleton__area" />
      <Skeleton width="short" />
      <Skeleton width="full" className="rs-form-skeleton__field" />
      <Skeleton width="medium" />
      <div className="rs-form-skeleton__row">
        <Skeleton width="long" className="rs-form-skeleton__field" />
        <Skeleton width="long" className="rs-form-skeleton__field" />
      </div>
    </div>
  );
}
