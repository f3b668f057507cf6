import { useId, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { CellView } from '@shared/contract';
import type { CellDetails, Participant } from '@shared/model';
import { ROLLOUT_STATUSES, type RolloutStatus } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { useAnnounce } from '../../components/live-region';
import { SectionMessage } from '../../components/section-message';
import { StatusLozenge } from '../../components/status-lozenge';
import type { CellWrites } from '../../editing/cell-writes';
import { FormDialog } from '../../editing/form-dialog';
import { announceSaved } from '../../editing/use-patch-save';
import { previewTime } from '../../editing/warning-preview';
import { WarningPreviewNote } from '../../editing/warning-preview-note';
import { bulkStatusWarnings } from './cell-preview';
import { statusLabel } from './labels';
import { buildBulkUpdate } from './ordering';
import { useEditorText } from './use-editor-text';
import type { ViewRow } from './view-model';

export interface BulkEditDialogProps {
  rows: ViewRow[];
  regions: Participant[];
  initialInitiativeId: string | null;
  writes: CellWrites<CellView, CellDetails>;
  reload(): Promise<void>;
  onClose(): void;
}

/** One status for several regions of one initiative, saved in one transaction. */
export function BulkEditDialog({ rows, regions, initialInitiativeId, writes, reload, onClose }: BulkEditDialogProps) {
  const { t, locale } = useEditorText();
  const announce = useAnnounce();
  const baseId = useId().replace(/:/g, '');
  const [initiativeId, setInitiativeId] = useState(initialInitiativeId ?? rows[0]?.initiative.id ?? '');
  const [selected, setSelected] = useState<string[]>([]);
  const [status, setStatus] = useState<RolloutStatus>('planning');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const row = rows.find((r) => r.initiative.id === initiativeId);
  const cellsByRegion = new Map(row?.cells.map((c) => [c.regionCode, c]) ?? []);
  const regionsErrorId = `${baseId}-regions-error`;
  const [time] = useState(() => previewTime(new Date()));
  // In programme order, whatever order the boxes were ticked in.
  const chosen = row ? row.cells.filter((c) => selected.includes(c.regionCode)) : [];
  const preview = row ? bulkStatusWarnings(row.initiative, chosen, status, time) : [];
  const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;

  const toggle = (code: string) => setSelected((s) => (s.includes(code) ? s.filter((c) => c !== code) : [...s, code]));

  const submit = async () => {
    if (saving || !row) return;
    const payload = buildBulkUpdate(row, selected, status);
    if (!payload) {
      setNotice(t('bulkNoRegions'));
      document.getElementById(`${baseId}-region-0`)?.focus();
      return;
    }
    setNotice(null);
    setError(null);
    setSaving(true);
    writes.begin(
      row.initiative.id,
      row.cells.filter((c) => payload.regionCodes.includes(c.regionCode)).map((c) => ({ ...c, status })),
    );
    const res = await invoke('bulkUpdateCells', payload);
    setSaving(false);
    if (res.ok) {
      writes.succeed(row.initiative.id, res.data.cells, { revision: res.data.revision });
      announceSaved(res.data);
      announce(t('bulkDone', { count: payload.regionCodes.length, status: statusLabel(status, locale) }));
      onClose();
      void reload();
      return;
    }
    writes.rollback(row.initiative.id, payload.regionCodes);
    if (res.error.code === 'CONFLICT') {
      // The statuses the editor saw are out of date: show the current ones and let them choose again.
      setNotice(t('bulkConflict'));
      announce(t('bulkConflict'));
      await reload();
      return;
    }
    setError(res.error);
  };

  return (
    <FormDialog title={t('bulkTitle')} onClose={onClose} onSubmit={() => void submit()} saving={saving} submitLabel={t('bulkApply', { count: selected.length })} error={error}>
      {notice ? <SectionMessage appearance="warning" role="alert" title={notice} /> : null}
      <SelectField
        label={t('bulkInitiative')}
        value={initiativeId}
        onChange={(e) => {
          setInitiativeId(e.target.value);
          setSelected([]);
        }}
        options={rows.map((r) => ({ value: r.initiative.id, label: r.initiative.name }))}
      />
      <fieldset className="io-fieldset" aria-describedby={notice ? regionsErrorId : undefined}>
        <legend>{t('bulkRegions')}</legend>
        <div className="rs-bulk__select">
          <Button appearance="subtle" onClick={() => setSelected(regions.map((r) => r.code))}>
            {t('bulkSelectAll')}
          </Button>
          <Button appearance="subtle" onClick={() => setSelected([])}>
            {t('bulkSelectNone')}
          </Button>
        </div>
        <div className="rs-filter-group__options">
          {regions.map((r, i) => {
            const cell = cellsByRegion.get(r.code);
            const id = `${baseId}-region-${i}`;
            return (
              <div className="io-checkbox" key={r.code}>
                <input type="checkbox" className="io-checkbox__input" id={id} checked={selected.includes(r.code)} onChange={() => toggle(r.code)} />
                <label htmlFor={id} className="io-checkbox__label rs-bulk__region">
                  <span>{r.name}</span>
                  {cell ? <StatusLozenge status={cell.status} compact /> : null}
                </label>
              </div>
            );
          })}
        </div>
        {notice ? (
          <p className="io-visually-hidden" id={regionsErrorId}>
            {notice}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="io-fieldset rs-status-choice">
        <legend>{t('bulkStatus')}</legend>
        <div className="rs-status-choice__options">
          {ROLLOUT_STATUSES.map((s) => (
            <div className="io-radio rs-status-choice__option" key={s}>
              <input type="radio" id={`${baseId}-status-${s}`} name={`${baseId}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
              <label htmlFor={`${baseId}-status-${s}`}>
                <StatusLozenge status={s} />
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <WarningPreviewNote groups={preview.map((p) => ({ key: p.regionCode, name: nameOf(p.regionCode), warnings: p.warnings }))} />
    </FormDialog>
  );
}
