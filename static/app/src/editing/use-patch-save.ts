import { useState, type ReactElement } from 'react';
import type { AppError, Result } from '@shared/errors';
import { useAnnounce } from '../components/live-region';
import { announceDataChanged } from '../page-events/page-events';
import { keepMine, withoutConflicting, type EditPayload } from './conflict';
import { conflictDialog, type Conflict } from './conflict-dialog';
import type { SummaryItem } from './error-summary';
import { fieldErrorText } from './field-error-text';
import type { FieldCatalogue } from './fields';
import { serverIssuesToFieldErrors, type FieldError } from './form-errors';
import { useEditingText } from './use-editing-text';

type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/** What a form's own check answers: the fields to save, or what to fix first. */
export type FormCheck<F extends string, V> = { ok: true; fields: V } | { ok: false; errors: FieldErrors<F> };

export interface PatchSaveOptions<F extends string, V, P extends object, R> {
  /** Checks the form as it is now. */
  validate(): FormCheck<F, V>;
  /** The request for the checked fields; null when nothing changed, so there is nothing to send. */
  build(fields: V): P | null;
  /** Sends one request. A caller that shows the change before the answer also undoes it here. */
  request(payload: P): Promise<Result<R>>;
  /** What to announce once the server has saved. */
  savedMessage(data: R): string;
  /**
   * The view's fields: their shapes map the server's VALIDATION paths back to the form's fields; their
   * labels name problems in the error summary and fields in the conflict dialog.
   */
  fields: FieldCatalogue<F>;
  /** The error summary links each problem to its field, by id, under the field's visible label. */
  fieldId(field: F): string;
  reload(): Promise<void>;
  onClose(): void;
}

// Only an edit (patch + expected) can conflict; creating an initiative sends whole `fields` and cannot.
const isEdit = <P extends object>(payload: P): payload is Extract<P, EditPayload<object>> => 'patch' in payload;

/**
 * Tells the page's other macros to read their views again (docs/decisions/0019): every save answers with
 * the new revision. A refused event changes nothing here; they catch up on their next load.
 */
export function announceSaved(data: unknown): void {
  const revision = typeof data === 'object' && data !== null && 'revision' in data ? data.revision : undefined;
  if (typeof revision === 'string') announceDataChanged({ revision, programmeId: null }).catch(() => undefined);
}

/** A mutating resolver's answer, passed through; a success is announced to the page's other macros first. */
export function announcingSave<T>(res: Result<T>): Result<T> {
  if (res.ok) announceSaved(res.data);
  return res;
}

/**
 * The save flow the edit dialogs share: check, send only what changed, announce the outcome. On failure
 * the dialog stays open with what the editor typed; a CONFLICT is kept for the editor to decide, field by
 * field, in the dialog `conflictView()` returns.
 */
export function usePatchSave<F extends string, V, P extends object, R>(options: PatchSaveOptions<F, V, P, R>) {
  const { fields, reload, onClose } = options;
  const { t } = useEditingText();
  const announce = useAnnounce();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  // Bumped on every failed attempt so the error summary takes focus again, even if its list is unchanged.
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict<Extract<P, EditPayload<object>>> | null>(null);

  const send = async (payload: P) => {
    setSaving(true);
    setServerError(null);
    const res = await options.request(payload);
    setSaving(false);
    if (res.ok) {
      announce(options.savedMessage(res.data));
      announceSaved(res.data);
      onClose();
      void reload();
      return;
    }
    if (res.error.code === 'CONFLICT' && isEdit(payload)) {
      setConflict({ error: res.error, sent: payload });
      return;
    }
    // Any other failure goes back to the form, with the server's field problems shown as the form's own.
    setConflict(null);
    if (res.error.code === 'VALIDATION') {
      setErrors(serverIssuesToFieldErrors(res.error.issues, fields.shapes));
      setAttempt((n) => n + 1);
    }
    setServerError(res.error);
    announce(t('saveFailed'));
  };

  const submit = () => {
    if (saving) return;
    const result = options.validate();
    if (!result.ok) {
      setErrors(result.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const payload = options.build(result.fields);
    if (!payload) {
      announce(t('nothingChanged'));
      onClose();
      return;
    }
    void send(payload);
  };

  /** The stored values win for the conflicting fields; the editor's other changes are still saved. */
  const takeTheirs = async () => {
    if (!conflict) return;
    const rest = withoutConflicting(conflict.error, conflict.sent);
    if (rest) return send(rest);
    announce(t('conflictTookTheirs'));
    onClose();
    await reload();
  };

  /** The editor's values win: the same edit again, now expecting what is stored. */
  const keepMineAndSend = async () => {
    if (conflict) await send(keepMine(conflict.error, conflict.sent));
  };

  const summary: SummaryItem[] = (Object.keys(errors) as F[]).map((f) => ({
    fieldId: options.fieldId(f),
    label: fields.label(f),
    message: fieldErrorText(errors[f], t) ?? '',
  }));
  const fieldError = (f: F) => fieldErrorText(errors[f], t);

  /**
   * The conflict dialog while a conflict waits for the editor's choice, else null. The caller returns it in
   * place of its own dialog (see conflictDialog).
   */
  const conflictView = (): ReactElement | null =>
    conflict
      ? conflictDialog({
          t,
          conflict,
          text: fields,
          saving,
          onTakeTheirs: takeTheirs,
          onKeepMine: keepMineAndSend,
          onClose,
        })
      : null;

  return { submit, saving, serverError, summary, attempt, fieldError, conflictView };
}
