import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import {
  applyImportPlan,
  importPreviewParts,
  importProblemText,
  mergeImportPreviews,
  parseImportCsv,
  type ImportChange,
  type ImportDiffLine,
  type ImportLineDiff,
  type ImportLineValue,
  type ImportNewInitiative,
  type ImportPreview,
  type ImportProblem,
  type ImportRefusedCell,
  type ImportRefusedField,
} from '@shared/import-csv';
import { CELL_LINE_HEADERS, cellLinesFileBase, type CellLineField } from '@shared/cell-lines-csv';
import { IMPORT_LIMITS } from '@shared/limits';
import { ROLLOUT_STATUS_LABELS } from '@shared/vocabulary';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { Field } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { SectionMessage } from '../components/section-message';
import { datedCsvName } from '../editing/csv-file';
import { downloadCsv } from '../editing/csv-download';
import { ErrorSummary } from '../editing/error-summary';
import { announceSaved } from '../editing/use-patch-save';
import { useI18n, useMessages } from '../i18n';
import { cellLinesExport } from './import-export';
import { importMessages } from './import-messages';
import { patiently } from './patient-invoke';
import { PastImports } from './past-imports';

/** Rows of the preview table per page: 50 × 290 changes at L stay readable, and the DOM small. */
const PAGE_ROWS = 50;
/** Problems listed; more are counted (a wrongly saved file can have thousands). */
const SHOWN_PROBLEMS = 30;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'problems'; name: string; problems: ImportProblem[] }
  | { kind: 'preview'; name: string; changes: ImportDiffLine[]; unchanged: number; created: ImportNewInitiative[]; lines?: ImportLineDiff[] }
  | { kind: 'applying'; name: string; done: number; total: number }
  | { kind: 'applied'; name: string; importId: string; count: number }
  | { kind: 'stale'; name: string; importId: string; done: number; total: number }
  | { kind: 'undoing' }
  | { kind: 'undone'; restored: number; refused: ImportRefusedCell[]; refusedFields: ImportRefusedField[]; archived: number; kept: string[] };

/** Undo, a few parts per call while the server says there is more; the totals of every call. */
export async function undoWholeImport(programmeId: string, importId: string, waiting: (on: boolean) => void) {
  const totals = { restored: 0, refused: [] as ImportRefusedCell[], refusedFields: [] as ImportRefusedField[], archived: 0, kept: [] as string[] };
  for (;;) {
    const result = await patiently(() => invoke('undoImport', { programmeId, importId }), waiting);
    if (!result.ok) return { totals, error: result.error };
    totals.restored += result.data.restored;
    totals.refused.push(...result.data.refused);
    totals.refusedFields.push(...(result.data.refusedFields ?? []));
    totals.archived += result.data.archived;
    totals.kept.push(...result.data.kept);
    announceSaved(result.data);
    if (!result.data.more) return { totals, error: null };
  }
}

/**
 * Import of the rollout-status matrix CSV (issue 11, decision 0028): choose a file → every problem by row
 * and column, or the preview of the changes (old → new, paged) → "Importera N ändringar" → progress → done,
 * with undo. Nothing is written before the administrator confirms a clean preview.
 */
export function ImportSection({ programme }: { programme: ProgrammeAdminItem }) {
  const { locale } = useI18n();
  const m = useMessages(importMessages);
  const announce = useAnnounce();
  const inputId = `import-file-${programme.id}`;
  const headingId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [page, setPage] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportBusy, setExportBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const status = (s: ImportChange['old']) => ROLLOUT_STATUS_LABELS[s][locale];

  const showProblems = (name: string, problems: ImportProblem[]) => {
    setPhase({ kind: 'problems', name, problems: [...problems].sort((a, b) => a.row - b.row || a.column - b.column) });
    setAttempt((n) => n + 1);
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setError(null);
    if (!file) return;
    if (file.size > IMPORT_LIMITS.fileBytes) return showProblems(file.name, []);
    setPhase({ kind: 'reading', name: file.name });
    const parsed = parseImportCsv(await file.text());
    if (parsed.problems.length > 0) return showProblems(file.name, parsed.problems);
    const answers: ImportPreview[] = [];
    const lines = parsed.cellLines;
    // A cell lines file (decision 0031) goes as lines, with where its columns are; a matrix as cells.
    const payloads = lines
      ? importPreviewParts(lines.lines, IMPORT_LIMITS).map((part) => ({ programmeId: programme.id, cells: [], lines: part, lineColumns: lines.columns }))
      : importPreviewParts(parsed.cells, IMPORT_LIMITS).map((cells) => ({ programmeId: programme.id, cells }));
    for (const payload of payloads) {
      const result = await patiently(() => invoke('previewImport', payload), setWaiting);
      if (!result.ok) {
        setPhase({ kind: 'idle' });
        return setError(result.error);
      }
      answers.push(result.data);
    }
    const { changes, unchanged, problems, created, lines: changedLines } = mergeImportPreviews(answers);
    if (problems.length > 0) return showProblems(file.name, problems);
    setPage(0);
    setPhase({ kind: 'preview', name: file.name, changes, unchanged, created, ...(changedLines ? { lines: changedLines } : {}) });
    const counted = changedLines ? m('linesCounts', { changes: changedLines.length, unchanged }) : m('counts', { changes: changes.length, unchanged });
    announce(`${created.length > 0 ? `${m('newCount', { count: created.length })} ` : ''}${counted}`);
  };

  /** "Ladda ner alla celler (för import)": the programme's cells as the file the import reads back (decision 0031). */
  const downloadCells = async () => {
    setError(null);
    setExporting(m('downloading', { n: 1 }));
    setExportBusy(true);
    const result = await cellLinesExport(
      (cursor) => patiently(() => invoke('getBackupPart', cursor ? { programmeId: programme.id, cursor } : { programmeId: programme.id }), setWaiting),
      locale,
      (n) => setExporting(m('downloading', { n: n + 1 })),
    ).finally(() => setExportBusy(false));
    if (!result.ok) {
      setExporting(null);
      return setError(result.error);
    }
    const file = datedCsvName(cellLinesFileBase(result.programme.name, locale), new Date());
    downloadCsv(result.table, file);
    setExporting(m('downloaded', { file }));
  };

  const apply = async (name: string, plan: { changes: ImportDiffLine[]; unchanged: number; created: ImportNewInitiative[]; lines?: ImportLineDiff[] }) => {
    const importId = crypto.randomUUID();
    const total = plan.changes.length + (plan.lines?.length ?? 0);
    setPhase({ kind: 'applying', name, done: 0, total });
    const counts = { changes: total, unchanged: plan.unchanged, created: plan.created.length };
    let failed: AppError | null = null;
    const outcome = await applyImportPlan(
      plan,
      IMPORT_LIMITS,
      async (part) => {
        const payload = { programmeId: programme.id, importId, fileName: name.slice(0, IMPORT_LIMITS.fileName), counts, ...part };
        const result = await patiently(() => invoke('applyImport', payload), setWaiting);
        if (!result.ok) {
          failed = result.error;
          return null;
        }
        announceSaved(result.data);
        return result.data;
      },
      (done) => setPhase({ kind: 'applying', name, done, total }),
    );
    setListVersion((n) => n + 1);
    if (!outcome.complete) {
      setPhase({ kind: 'stale', name, importId, done: outcome.done, total });
      const error = failed as AppError | null;
      if (error && error.code !== 'CONFLICT') setError(error);
      return;
    }
    setPhase({ kind: 'applied', name, importId, count: total });
    // The page is not reloaded: its forms are remade on reload, and this one must keep its undo.
    announce(m('applied', { count: total, name }));
  };

  const undo = async (importId: string) => {
    setPhase({ kind: 'undoing' });
    setError(null);
    const outcome = await undoWholeImport(programme.id, importId, setWaiting);
    setListVersion((n) => n + 1);
    setPhase({ kind: 'undone', ...outcome.totals });
    if (outcome.error) return setError(outcome.error);
    announce(m('undone', { count: outcome.totals.restored }));
  };

  const reset = () => {
    setPhase({ kind: 'idle' });
    setError(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const busy = phase.kind === 'reading' || phase.kind === 'applying' || phase.kind === 'undoing' || exportBusy;
  const changeCount = phase.kind === 'preview' ? phase.changes.length + (phase.lines?.length ?? 0) : 0;
  const problemId = (k: number) => `${inputId}-problem-${k}`;

  return (
    <section className="io-admin-import" aria-labelledby={headingId}>
      <h3 id={headingId}>{m('heading')}</h3>
      <p>{m('intro')}</p>
      <p>{m('downloadHelp')}</p>
      <div className="io-button-row io-button-row--start">
        <Button disabled={busy} onClick={() => void downloadCells()}>
          {m('download')}
        </Button>
      </div>
      {exporting ? <p role="status">{exporting}</p> : null}
      {phase.kind === 'problems' ? (
        <ErrorSummary
          attempt={attempt}
          items={
            phase.problems.length === 0
              ? [{ fieldId: inputId, label: phase.name, message: m('tooLarge') }]
              : phase.problems.slice(0, SHOWN_PROBLEMS).map((p, k) => ({
                  fieldId: problemId(k),
                  label: m('problemWhere', { row: p.row, column: p.column }),
                  message: `${importProblemText(p, locale)}${p.value ? ` (${p.value})` : ''}`,
                }))
          }
        />
      ) : null}
      <Field label={m('file')} help={m('fileHelp')} id={inputId}>
        {(control) => <input {...control} ref={fileRef} type="file" accept=".csv,text/csv" className="io-input" disabled={busy} onChange={(e) => void choose(e)} />}
      </Field>
      {phase.kind === 'problems' && phase.problems.length > 0 ? (
        <>
          <p>{m('problemsTitle')}</p>
          <ul className="io-list">
            {phase.problems.slice(0, SHOWN_PROBLEMS).map((p, k) => (
              <li key={k} id={problemId(k)} tabIndex={-1}>
                <strong>{m('problemWhere', { row: p.row, column: p.column })}:</strong> {importProblemText(p, locale)}
                {p.value ? ` (${p.value})` : ''}
              </li>
            ))}
          </ul>
          {phase.problems.length > SHOWN_PROBLEMS ? <p>{m('moreProblems', { count: phase.problems.length - SHOWN_PROBLEMS })}</p> : null}
        </>
      ) : null}
      {phase.kind === 'reading' ? <p role="status">{m('reading', { name: phase.name })}</p> : null}
      {phase.kind === 'preview' && phase.created.length > 0 ? (
        <>
          <p>{m('newCount', { count: phase.created.length })}</p>
          <ul className="io-list">
            {phase.created.map((c) => (
              <li key={c.name}>{m('newInitiative', { name: c.name, cells: c.cells, row: c.row, column: c.column })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {phase.kind === 'preview' ? (
        changeCount === 0 && phase.created.length === 0 ? (
          <SectionMessage appearance="information" title={phase.lines ? m('linesNoChanges', { unchanged: phase.unchanged }) : m('noChanges', { unchanged: phase.unchanged })} />
        ) : phase.lines ? (
          <LinesPreviewTable name={phase.name} lines={phase.lines} page={page} onPage={setPage} />
        ) : (
          <PreviewTable name={phase.name} changes={phase.changes} page={page} onPage={setPage} status={status} />
        )
      ) : null}
      {phase.kind === 'preview' ? (
        <>
          {changeCount > 0 ? (
            <p>{phase.lines ? m('linesCounts', { changes: changeCount, unchanged: phase.unchanged }) : m('counts', { changes: changeCount, unchanged: phase.unchanged })}</p>
          ) : null}
          <div className="io-button-row io-button-row--start">
            {changeCount > 0 || phase.created.length > 0 ? (
              <Button appearance="primary" onClick={() => void apply(phase.name, phase)}>
                {phase.created.length > 0 ? m('applyWithNew', { count: changeCount, created: phase.created.length }) : m('apply', { count: changeCount })}
              </Button>
            ) : null}
            <Button onClick={reset}>{m('cancel')}</Button>
          </div>
        </>
      ) : null}
      {phase.kind === 'applying' ? (
        <p role="status">
          <progress max={phase.total} value={phase.done} aria-label={m('applying', { done: phase.done, total: phase.total })} /> {m('applying', { done: phase.done, total: phase.total })}
        </p>
      ) : null}
      {phase.kind === 'applied' || phase.kind === 'stale' ? (
        <>
          <SectionMessage
            appearance={phase.kind === 'applied' ? 'success' : 'warning'}
            title={phase.kind === 'applied' ? m('applied', { count: phase.count, name: phase.name }) : m('stale', { done: phase.done, total: phase.total })}
          />
          {phase.kind === 'applied' || phase.done > 0 ? (
            <div className="io-button-row io-button-row--start">
              <Button onClick={() => void undo(phase.importId)}>{m('undo')}</Button>
            </div>
          ) : null}
        </>
      ) : null}
      {phase.kind === 'undoing' ? <p role="status">{m('undoing')}</p> : null}
      {waiting ? <p role="status">{m('waiting')}</p> : null}
      {phase.kind === 'undone' ? (
        <>
          <SectionMessage appearance="success" title={m('undone', { count: phase.restored })} />
          {phase.archived > 0 ? <p>{m('undoneArchived', { count: phase.archived })}</p> : null}
          {phase.kept.length > 0 ? <p>{m('undoneKept', { names: phase.kept.join(', ') })}</p> : null}
          {phase.refused.length > 0 ? (
            <>
              <p>{m('undoRefused')}</p>
              <ul className="io-list">
                {phase.refused.map((c) => (
                  <li key={`${c.initiativeId}-${c.regionCode}`}>
                    {m('refusedCell', { initiative: c.initiative, participant: c.participant, status: status(c.new) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {phase.refusedFields.length > 0 ? (
            <>
              <p>{m('undoRefusedFields')}</p>
              <ul className="io-list">
                {phase.refusedFields.map((c) => (
                  <li key={`${c.initiativeId}-${c.regionCode}-${c.field}`}>
                    {m('refusedField', { initiative: c.initiative, participant: c.participant, field: fieldName(c.field, locale) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <PastImports
        programmeId={programme.id}
        version={listVersion}
        busy={busy}
        undo={(importId) => undoWholeImport(programme.id, importId, setWaiting)}
        onUndone={(importId) => setPhase((p) => ('importId' in p && p.importId === importId ? { kind: 'idle' } : p))}
      />
    </section>
  );
}

/** The preview's page of rows: 50 a page, so a file of thousands of changes stays quick to draw. */
function pageOf<T>(rows: T[], page: number): { pages: number; shown: T[] } {
  return { pages: Math.max(1, Math.ceil(rows.length / PAGE_ROWS)), shown: rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS) };
}

/** A page of a preview table (its rows are the children) in its scroll box, with Previous/Next below it when there is more than one page. */
function PreviewPages({
  name,
  columns,
  page,
  pages,
  onPage,
  children,
}: {
  name: string;
  columns: string[];
  page: number;
  pages: number;
  onPage(page: number): void;
  children: ReactNode;
}) {
  const m = useMessages(importMessages);
  return (
    <>
      <div className="io-table-scroll">
        <table className="io-table">
          <caption>{m('previewCaption', { name, page: page + 1, pages })}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className="io-button-row io-button-row--start">
          <Button disabled={page === 0} onClick={() => onPage(page - 1)}>
            {m('previous')}
          </Button>
          <Button disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
            {m('next')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function PreviewTable({
  name,
  changes,
  page,
  onPage,
  status,
}: {
  name: string;
  changes: ImportDiffLine[];
  page: number;
  onPage(page: number): void;
  status(s: ImportChange['old']): string;
}) {
  const m = useMessages(importMessages);
  const { pages, shown } = pageOf(changes, page);
  const key = (c: ImportDiffLine) => `${c.initiativeId ?? `new:${c.initiative}`}-${c.regionCode}`;
  return (
    <PreviewPages name={name} columns={[m('colInitiative'), m('colParticipant'), m('colOld'), m('colNew'), m('colWhere')]} page={page} pages={pages} onPage={onPage}>
      {shown.map((c) => (
        <tr key={key(c)}>
          <th scope="row">{c.initiativeId === null ? m('newMark', { name: c.initiative }) : c.initiative}</th>
          <td>{c.participant}</td>
          <td>{status(c.old)}</td>
          <td>
            <strong>{status(c.new)}</strong>
          </td>
          <td>
            {c.row}, {c.column}
          </td>
        </tr>
      ))}
    </PreviewPages>
  );
}

/** A field's name as the file's header says it, without the format hint. */
function fieldName(field: CellLineField, locale: 'sv' | 'en'): string {
  return CELL_LINE_HEADERS[field][locale].replace(/\s*\(.*\)$/, '');
}

/** The preview of a cell lines file (decision 0031): per cell each changed field, old → new; 50 cells a page. */
function LinesPreviewTable({ name, lines, page, onPage }: { name: string; lines: ImportLineDiff[]; page: number; onPage(page: number): void }) {
  const { locale } = useI18n();
  const m = useMessages(importMessages);
  const { pages, shown } = pageOf(lines, page);
  const shownValue = (field: CellLineField, value: ImportLineValue) => {
    if (value === null || value === '') return m('emptyValue');
    if (typeof value === 'boolean') return value ? m('yes') : m('no');
    if (field === 'status') return ROLLOUT_STATUS_LABELS[value as ImportChange['old']][locale];
    return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  };
  return (
    <PreviewPages name={name} columns={[m('colInitiative'), m('colParticipant'), m('colField'), m('colOld'), m('colNew'), m('colRow')]} page={page} pages={pages} onPage={onPage}>
      {shown.flatMap((line) =>
        line.fields.map((f, k) => (
          <tr key={`${line.initiativeId ?? `new:${line.initiative}`}-${line.regionCode}-${f.field}`}>
            {k === 0 ? (
              <>
                <th scope="row" rowSpan={line.fields.length}>
                  {line.initiativeId === null ? m('newMark', { name: line.initiative }) : line.initiative}
                </th>
                <td rowSpan={line.fields.length}>{line.participant}</td>
              </>
            ) : null}
            <td>{fieldName(f.field, locale)}</td>
            <td>{shownValue(f.field, f.old)}</td>
            <td>
              <strong>{shownValue(f.field, f.new)}</strong>
            </td>
            {k === 0 ? <td rowSpan={line.fields.length}>{line.row}</td> : null}
          </tr>
        )),
      )}
    </PreviewPages>
  );
}
