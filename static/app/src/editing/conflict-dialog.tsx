import type { ReactElement } from 'react';
import type { AppError } from '@shared/errors';
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { conflictFields, type EditPayload } from './conflict';
import { ConflictView } from './conflict-view';
import type { FieldText } from './fields';
import type { TEditing } from './messages';

/** A refused edit: the server's CONFLICT answer and the edit it refused. */
export interface Conflict<P extends EditPayload<object> = EditPayload<object>> {
  error: AppError;
  sent: P;
}

export interface ConflictDialogOptions {
  t: TEditing;
  conflict: Conflict;
  /** How the view names the edited fields and shows their values (its field catalogue). */
  text: FieldText;
  /** "Keep mine" has been sent and not answered yet. */
  saving: boolean;
  /** Defaults to `saving`, so the editor cannot choose both ways at once. */
  takeTheirsDisabled?: boolean;
  onTakeTheirs(): void | Promise<void>;
  onKeepMine(): void | Promise<void>;
  onClose(): void;
}

/**
 * Shown instead of the form when someone else changed a field this editor also changed: both values side
 * by side, and nothing is overwritten until the editor chooses.
 *
 * A plain function, not a component, on purpose: the caller returns this <Dialog> where it returned its
 * own, so React keeps the one open modal and its focus handling rather than mounting a new one (a
 * wrapping component would move focus differently when the conflict appears and when it is resolved).
 */
export function conflictDialog(options: ConflictDialogOptions): ReactElement {
  const { t, conflict, text, saving, takeTheirsDisabled = saving, onTakeTheirs, onKeepMine, onClose } = options;
  return (
    <Dialog
      open
      size="large"
      title={t('conflictTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={() => void onTakeTheirs()} disabled={takeTheirsDisabled}>
            {t('conflictTakeTheirs')}
          </Button>
          <Button appearance="primary" isLoading={saving} onClick={() => void onKeepMine()}>
            {t('conflictKeepMine')}
          </Button>
        </>
      }
    >
      <ErrorMessage error={conflict.error} alert />
      <ConflictView
        fields={conflictFields(conflict.error, conflict.sent)}
        text={text}
        changedAt={conflict.error.changedAt}
        changedByName={conflict.error.changedByName}
      />
    </Dialog>
  );
}
