import { lazy, Suspense } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import { Spinner } from '../components/spinner';
import { useI18n, useMessages } from '../i18n';
import { onboardingMessages } from '../shell/onboarding-messages';
import { adminCreateMessages } from './create-messages';

// The same form as on an empty page, loaded only when a space has no programme yet.
const CreateProgrammeForm = lazy(() => import('../shell/create-programme-form'));

/**
 * The space page's onboarding (decision 0027), for the space's administrators: in a space without a programme
 * the create form with its participant set; then, while the programme has no initiatives yet, the way to a
 * first page with the four macros.
 */
export function CreateSection({ programmes, onCreated }: { programmes: ReadonlyArray<ProgrammeAdminItem>; onCreated(): Promise<void> | void }) {
  const { t } = useI18n();
  const m = useMessages(adminCreateMessages);
  if (programmes.length > 0) return programmes.every((p) => p.initiativeCount === 0) ? <FirstPageChecklist /> : null;
  return (
    <section aria-labelledby="io-admin-create">
      <h2 id="io-admin-create">{m('createHeading')}</h2>
      <p>{m('createIntro')}</p>
      <Suspense fallback={<Spinner label={t('loading')} />}>
        <CreateProgrammeForm onCreated={onCreated} />
      </Suspense>
    </section>
  );
}

/** The way from a programme to a first page with the four macros; shown while the space has no page for it. */
function FirstPageChecklist() {
  const m = useMessages(onboardingMessages);
  return (
    <section aria-labelledby="io-first-page" className="io-first-page">
      <h2 id="io-first-page">{m('checklistHeading')}</h2>
      <p>{m('checklistIntro')}</p>
      <ol>
        <li>{m('checklistCreate')}</li>
        <li>{m('checklistMacros')}</li>
        <li>{m('checklistPublish')}</li>
      </ol>
      <p>{m('checklistGuide')}</p>
    </section>
  );
}
