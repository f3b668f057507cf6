import { useId, type ReactNode } from 'react';
import type { InitiativeHeader } from '@shared/contract';
import type { Participant } from '@shared/model';
import { ROLLOUT_STATUSES, type RolloutStatus } from '@shared/vocabulary';
import { Button } from '../../components/button';
import { StatusLozenge } from '../../components/status-lozenge';
import { useText } from './use-text';
import type { Filters } from './view-model';

export interface FilterPanelProps {
  id: string;
  filters: Filters;
  onChange(next: Filters): void;
  regions: Participant[];
  initiatives: InitiativeHeader[];
  showRegions: boolean;
  showInitiatives: boolean;
}

/** Checkbox groups in fieldsets: every choice is read with its question, and works with Space. */
export function FilterPanel({ id, filters, onChange, regions, initiatives, showRegions, showInitiatives }: FilterPanelProps) {
  const { t } = useText();
  const toggle = <K extends keyof Filters>(group: K, value: Filters[K][number]) => {
    const current = filters[group] as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange({ ...filters, [group]: next });
  };
  const clear = (group: keyof Filters) => onChange({ ...filters, [group]: [] });

  return (
    <div className="rs-filters" id={id}>
      {showRegions ? (
        <CheckboxGroup
          wide
          legend={t('filterRegions')}
          onClear={() => clear('regions')}
          clearLabel={t('filterClearGroup', { group: t('filterRegions').toLowerCase() })}
          hasSelection={filters.regions.length > 0}
        >
          {regions.map((r) => (
            <Check key={r.code} checked={filters.regions.includes(r.code)} onChange={() => toggle('regions', r.code)}>
              {r.name}
            </Check>
          ))}
        </CheckboxGroup>
      ) : null}
      {showInitiatives ? (
        <CheckboxGroup
          legend={t('filterInitiatives')}
          onClear={() => clear('initiatives')}
          clearLabel={t('filterClearGroup', { group: t('filterInitiatives').toLowerCase() })}
          hasSelection={filters.initiatives.length > 0}
        >
          {initiatives.map((i) => (
            <Check key={i.id} checked={filters.initiatives.includes(i.id)} onChange={() => toggle('initiatives', i.id)}>
              {i.name}
            </Check>
          ))}
        </CheckboxGroup>
      ) : null}
      <CheckboxGroup legend={t('filterStatuses')} onClear={() => clear('statuses')} clearLabel={t('filterClearGroup', { group: t('filterStatuses').toLowerCase() })} hasSelection={filters.statuses.length > 0}>
        {ROLLOUT_STATUSES.map((s: RolloutStatus) => (
          <Check key={s} checked={filters.statuses.includes(s)} onChange={() => toggle('statuses', s)}>
            <StatusLozenge status={s} />
          </Check>
        ))}
      </CheckboxGroup>
    </div>
  );
}

function CheckboxGroup(props: { legend: string; children: ReactNode; onClear(): void; clearLabel: string; hasSelection: boolean; wide?: boolean }) {
  const { legend, children, onClear, clearLabel, hasSelection, wide = false } = props;
  const { t } = useText();
  return (
    <fieldset className={`io-fieldset rs-filter-group${wide ? ' rs-filter-group--wide' : ''}`}>
      <legend>{legend}</legend>
      {hasSelection ? null : <p className="rs-filter-group__hint io-muted">{t('filterAll')}</p>}
      <div className="rs-filter-group__options">{children}</div>
      {hasSelection ? (
        <div>
          <Button appearance="subtle" onClick={onClear}>
            {clearLabel}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

function Check({ checked, onChange, children }: { checked: boolean; onChange(): void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="io-checkbox">
      <input type="checkbox" className="io-checkbox__input" id={id} checked={checked} onChange={onChange} />
      <label htmlFor={id} className="io-checkbox__label">
        {children}
      </label>
    </div>
  );
}
