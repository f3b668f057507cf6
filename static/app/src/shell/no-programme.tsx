import { lazy, Suspense } from 'react';
import type { Capabilities } from '@shared/contract';
import { EmptyState } from '../components/empty-state';
import { Spinner } from '../components/spinner';
import { useI18n, useMessages } from '../i18n';
import { onboardingMessages } from './onboarding-messages';
import { ReadySignal } from './ready-signal';

// Only editors in an empty space ever see the form, so it (and the schema library) loads on demand.
const CreateProgrammeForm = lazy(() => import('./create-programme-form'));

export interface NoProgrammeProps {
  capabilities: Capabilities | null;
  onCreated(): Promise<void>;
}

/** No programme here: editors who may create one get the form; everyone else a calm explanation. */
export function NoProgramme({ capabilities, onCreated }: NoProgrammeProps) {
  const { t } = useI18n();
  const m = useMessages(onboardingMessages);
  if (!capabilities?.canCreateProgramme) {
    return (
      <>
        <EmptyState title={m('emptyReaderTitle')}>
          <p>{m('emptyReaderBody')}</p>
        </EmptyState>
        <ReadySignal />
      </>
    );
  }
  return (
    <EmptyState
      title={m('emptyEditorTitle')}
      actions={
        <Suspense fallback={<Spinner label={t('loading')} />}>
          <CreateProgrammeForm onCreated={onCreated} />
          <ReadySignal />
        </Suspense>
      }
    >
      <p>{m('emptyEditorBody')}</p>
    </EmptyState>
  );
}
