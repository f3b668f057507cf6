/**
 * A CSV import as a diff, and its application and undo (issue 11, decision 0028). Pure: the resolvers
 * read and write, these decide.
 *
 * Matching: an initiative by its name (or id), a participant by its code, name or short name, case and
 * spacing ignored. A name two initiatives share is ambiguous and refused rather than guessed.
 */
import type { HistoryEntry, Initiative, Programme } from '../../shared/model';
import { normaliseImportName, type ImportCell, type ImportChange, type ImportDiffLine, type ImportProblem } from '../../shared/import-csv';
import type { RolloutStatus } from '../../shared/vocabulary';
import { cellAt } from '../cells';
import { dayOf } from '../edits/cell-edits';
import { historyEntry, type EditContext } from '../edits/edit-context';

export type { ImportChange, ImportDiffLine };

export interface ImportDiff {
  changes: ImportDiffLine[];
  unchanged: number;
  problems: ImportProblem[];
}

/**
 * Cells per transaction: a KVS transaction holds 25 operations; one goes to the initiative, one to the
 * import's part record, one to the import record and one to the revision, and each changed cell writes one
 * history entry (decision 0012).
 */
export const IMPORT_BATCH_CELLS = 21;

type Lookup<T> = (name: string) => T | 'ambiguous' | undefined;

function lookup<T>(items: readonly T[], keys: (item: T) => string[]): Lookup<T> {
  const map = new Map<string, T | 'ambiguous'>();
  for (const item of items) {
    for (const key of new Set(keys(item).map(normaliseImportName))) {
      const had = map.get(key);
      map.set(key, had === undefined || had === item ? item : 'ambiguous');
    }
  }
  return (name) => map.get(normaliseImportName(name));
}

/** The file's cells against the stored programme: which change, how many stay, and what cannot be matched. */
export function diffImport(programme: Programme, initiatives: readonly Initiative[], cells: readonly ImportCell[]): ImportDiff {
  const initiativeOf = lookup(initiatives, (i) => [i.name, i.id]);
  const participantOf = lookup(programme.participants, (p) => [p.code, p.name, p.short]);
  const problems: ImportProblem[] = [];
  const reported = new Set<string>();
  // One problem per unknown name, at the cell where the name is written (the row's or the column's header).
  const report = (kind: ImportProblem['kind'], name: string, row: number, column: number) => {
    const key = `${kind}|${row}|${column}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ row, column, kind, value: name.slice(0, 60) });
  };
  const changes: ImportDiffLine[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const cell of cells) {
    const initiative = initiativeOf(cell.initiative);
    const participant = participantOf(cell.participant);
    const [iRow, iCol, pRow, pCol] = nameCells(cell);
    if (initiative === undefined) report('unknown-initiative', cell.initiative, iRow, iCol);
    if (initiative === 'ambiguous') report('ambiguous-name', cell.initiative, iRow, iCol);
    if (participant === undefined) report('unknown-participant', cell.participant, pRow, pCol);
    if (participant === 'ambiguous') report('ambiguous-name', cell.participant, pRow, pCol);
    if (typeof initiative !== 'object' || typeof participant !== 'object') continue;
    const key = `${initiative.id}|${participant.code}`;
    if (seen.has(key)) {
      report('duplicate-row', cell.participant, cell.row, cell.column);
      continue;
    }
    seen.add(key);
    const old = cellAt(initiative, participant.code).status;
    if (old === cell.status) {
      unchanged++;
      continue;
    }
    changes.push({
      initiativeId: initiative.id,
      regionCode: participant.code,
      old,
      new: cell.status,
      row: cell.row,
      column: cell.column,
      initiative: initiative.name,
      participant: participant.name,
    });
  }
  return { changes, unchanged, problems };
}

/** The header cells that name a cell's initiative and participant: row 1 or column 1, by orientation. */
function nameCells(cell: ImportCell): [number, number, number, number] {
  return cell.initiativeInRows ? [cell.row, 1, 1, cell.column] : [1, cell.column, cell.row, 1];
}

/** What one batch of an import does to one initiative. */
export interface ImportBatchEdit {
  next: Initiative;
  history: HistoryEntry[];
  /** Cells whose stored status is neither the previewed one nor the file's: the preview is stale. */
  conflicts: ImportChange[];
  applied: ImportChange[];
}

function cellHistory(ctx: EditContext, initiative: Initiative, code: string, from: RolloutStatus, to: RolloutStatus, importId: string, undo: boolean): HistoryEntry {
  return {
    ...historyEntry(ctx, { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode: code, target: 'cell', action: 'update' }, [
      { field: 'status', old: from, new: to },
    ]),
    importId,
    ...(undo ? { importUndo: true as const } : {}),
  };
}

function withStatuses(initiative: Initiative, set: ReadonlyArray<[string, RolloutStatus]>, ctx: EditContext): Initiative {
  if (set.length === 0) return initiative;
  const cells = { ...initiative.cells };
  for (const [code, status] of set) cells[code] = { ...cellAt(initiative, code), status, updatedAt: dayOf(ctx) };
  return { ...initiative, cells };
}

/**
 * Applies the previewed changes of one initiative. A cell already at the file's status is skipped (a
 * retried part writes nothing twice); a cell at any other status than the previewed one is a conflict.
 */
export function applyImportBatch(initiative: Initiative, changes: readonly ImportChange[], ctx: EditContext, importId: string): ImportBatchEdit {
  const conflicts: ImportChange[] = [];
  const applied: ImportChange[] = [];
  for (const change of changes) {
    const stored = cellAt(initiative, change.regionCode).status;
    if (stored === change.new) continue;
    if (stored !== change.old) conflicts.push({ ...change, old: stored });
    else applied.push(change);
  }
  if (conflicts.length > 0) return { next: initiative, history: [], conflicts, applied: [] };
  return {
    next: withStatuses(initiative, applied.map((c) => [c.regionCode, c.new]), ctx),
    history: applied.map((c) => cellHistory(ctx, initiative, c.regionCode, c.old, c.new, importId, false)),
    conflicts,
    applied,
  };
}

/** Undoing one batch: a cell still at the imported status gets its old one back; a cell edited since is left and reported. */
export function undoImportBatch(
  initiative: Initiative,
  applied: readonly ImportChange[],
  ctx: EditContext,
  importId: string,
): { next: Initiative; history: HistoryEntry[]; restored: ImportChange[]; refused: ImportChange[] } {
  const restored: ImportChange[] = [];
  const refused: ImportChange[] = [];
  for (const change of applied) {
    const stored = cellAt(initiative, change.regionCode).status;
    if (stored === change.new) restored.push(change);
    else if (stored !== change.old) refused.push({ ...change, new: stored });
  }
  return {
    next: withStatuses(initiative, restored.map((c) => [c.regionCode, c.old]), ctx),
    history: restored.map((c) => cellHistory(ctx, initiative, c.regionCode, c.new, c.old, importId, true)),
    restored,
    refused,
  };
}

/** The changes in transaction-sized batches, each of one initiative. */
export function importBatches<T extends ImportChange>(changes: readonly T[]): T[][] {
  const byInitiative = new Map<string, T[]>();
  for (const c of changes) byInitiative.set(c.initiativeId, [...(byInitiative.get(c.initiativeId) ?? []), c]);
  const batches: T[][] = [];
  for (const list of byInitiative.values()) {
    for (let k = 0; k < list.length; k += IMPORT_BATCH_CELLS) batches.push(list.slice(k, k + IMPORT_BATCH_CELLS));
  }
  return batches;
}
