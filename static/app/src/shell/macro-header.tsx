import type { MacroConfig, ProgrammeSummary } from '@shared/contract';
import { MACRO_TITLES, type MacroKey } from '@shared/vocabulary';
import { LastUpdated } from '../components/last-updated';
import { useI18n } from '../i18n';
import { RegionChooser } from './region-chooser';

export interface RegionChoiceProps {
  value: string | null;
  onChange(code: string | null): void;
}

/** The macro's title, the programme (and region) it shows, the reader's region and when the programme last changed. */
export function MacroHeader({
  macro,
  programme,
  config,
  regionChoice,
}: {
  macro: MacroKey;
  programme: ProgrammeSummary;
  config: MacroConfig;
  regionChoice?: RegionChoiceProps;
}) {
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
        {regionChoice && programme.participants.length > 0 ? (
          <RegionChooser participants={programme.participants} value={regionChoice.value} onChange={regionChoice.onChange} />
        ) : null}
        <LastUpdated at={programme.lastUpdatedAt} />
      </div>
    </header>
  );
}
