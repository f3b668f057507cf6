import type { MacroConfig, ProgrammeSummary } from '@shared/contract';
import { MACRO_TITLES, type MacroKey } from '@shared/vocabulary';
import { LastUpdated } from '../components/last-updated';
import { useI18n } from '../i18n';

/** The macro's title, the programme (and region) it shows and when that programme last changed. */
export function MacroHeader({ macro, programme, config }: { macro: MacroKey; programme: ProgrammeSummary; config: MacroConfig }) {
  const { label } = useI18n();
  const region = config.perspective === 'region' && config.regionCode ? programme.participants.find((p) => p.code === config.regionCode) : undefined;
  return (
    <header className="io-header">
      <div className="io-header__titles">
        <h2>{label(MACRO_TITLES, macro)}</h2>
        <p className="io-header__programme">
          {programme.name}
          {region ? ` · ${region.name}` : null}
        </p>
      </div>
      <div className="io-header__meta">
        <LastUpdated at={programme.lastUpdatedAt} />
      </div>
    </header>
  );
}
