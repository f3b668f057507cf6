/**
 * The support plan's two CSV downloads (views/support-plan/csv.ts): the milestones at once, the contacts after
 * every initiative's contacts are read (the programme's details, in pages). A component of its own so the
 * view gets it with one line.
 */
import { useState } from 'react';
import type { SupportPlanView } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Participant } from '@shared/model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { useAnnounce } from '../../components/live-region';
import type { DetailsStore } from '../../details/details-store';
import { useI18n, useMessages } from '../../i18n';
import { supportPlanCsvMessages } from './csv-messages';
import { localIsoDate } from './fields';

type CsvState = { phase: 'idle' } | { phase: 'preparing' } | { phase: 'failed'; error: AppError };

export function SupportPlanCsvButtons({
  view,
  participants,
  programmeName,
  details,
}: {
  view: SupportPlanView;
  participants: readonly Participant[];
  programmeName: string;
  details: DetailsStore;
}) {
  const t = useMessages(supportPlanCsvMessages);
  const { locale } = useI18n();
  const announce = useAnnounce();
  const [state, setState] = useState<CsvState>({ phase: 'idle' });

  const download = async (kind: 'milestones' | 'contacts') => {
    if (state.phase === 'preparing') return;
    const [csv, file, { downloadCsv: saveCsv }] = await Promise.all([import('./csv'), import('../../editing/csv-file'), import('../../editing/csv-download')]);
    const save = (table: string[][], base: string) => {
      saveCsv(table, file.datedCsvName(`${programmeName} ${base}`, new Date()));
      setState({ phase: 'idle' });
      announce(t('csvDone'));
    };
    if (kind === 'milestones') {
      save(csv.milestonesTable(view.initiatives, locale, t), t('csvFileMilestones'));
      return;
    }
    const today = localIsoDate(new Date());
    const contactOf = (initiativeId: string, regionCode: string, hasDetails: boolean) => details.lookup(initiativeId, regionCode, hasDetails)?.cell;
    for (let attempt = 0; attempt < 3; attempt++) {
      const table = csv.contactsTable(view.initiatives, participants, locale, t, contactOf, today);
      if (table) {
        save(table, t('csvFileContacts'));
        return;
      }
      if (attempt === 0) {
        setState({ phase: 'preparing' });
        announce(t('csvPreparing'));
      }
      const res = await details.load({ kind: 'programme' });
      if (!res.ok && 'error' in res) {
        setState({ phase: 'failed', error: res.error });
        announce(t('csvFailed'));
        return;
      }
    }
    setState({ phase: 'failed', error: { code: 'INTERNAL', message: 'The contacts kept changing while the CSV was made' } });
    announce(t('csvFailed'));
  };

  return (
    <div className="sp-toolbar io-no-print">
      <Button onClick={() => void download('milestones')}>{t('csvMilestones')}</Button>
      <Button onClick={() => void download('contacts')} isLoading={state.phase === 'preparing'}>
        {t('csvContacts')}
      </Button>
      {state.phase === 'failed' ? <ErrorMessage error={state.error} alert onClose={() => setState({ phase: 'idle' })} /> : null}
    </div>
  );
}
