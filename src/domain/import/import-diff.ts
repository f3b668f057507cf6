/**
 * A CSV import as a diff, and its application and undo (issue 11, decision 0028). Pure: the resolvers
 * read and write, these decide.
 *
 * Matching: an initiative by its name (or id), a participant by its code, name or short name, case and
 * spacing ignored. A name two initiatives share is ambiguous and refused rather than guessed.
 */
import { DEFAULT_REGION_CELL, type HistoryEntry, type Initiative, type InitiativeFields, type Programme } from '../../shared/model';
import {
  normaliseImportName,
  type ImportCell,
  type ImportChange,
  type ImportDiffLine,
  type ImportNewInitiative,
  type ImportProblem,
} from '../../shared/import-csv';
import type { RolloutStatus } from '../../shared/vocabulary';
import { cellAt } from '../cells';
import { dayOf } from '../edits/cell-edits';
import { historyEntry, type Edit, type EditContext } from '../edits/edit-context';
import { createInitiative, setArchived } from '../edits/initiative-edits';

export type { ImportChange, ImportDiffLine, ImportNewInitiative };

export interface ImportDiff {
  changes: ImportDiffLine[];
  unchanged: number;
  problems: ImportProblem[];
  /** Initiatives the file names that the programme does not have: applying creates them (decision 0028). */
  created: ImportNewInitiative[];
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

/** The programme's initiative of this name (or id), as the preview matches it; 'ambiguous' when two share it. */
export function initiativeNamed(initiatives: readonly Initiative[], name: string): Initiative | 'ambiguous' | undefined {
  return lookup(initiatives, (i) => [i.name, i.id])(name);
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
  const created = new Map<string, ImportNewInitiative>();
  const seen = new Set<string>();
  let unchanged = 0;
  for (const cell of cells) {
    const named = initiativeOf(cell.initiative);
    const participant = participantOf(cell.participant);
    const [iRow, iCol, pRow, pCol] = nameCells(cell);
    // A name the programme does not have is a new initiative, made when the import is applied; a blank one is not a name.
    const fresh = named === undefined && cell.initiative.trim() !== '';
    if (named === undefined && !fresh) report('unknown-initiative', cell.initiative, iRow, iCol);
    if (named === 'ambiguous') report('ambiguous-name', cell.initiative, iRow, iCol);
    if (participant === undefined) report('unknown-participant', cell.participant, pRow, pCol);
    if (participant === 'ambiguous') report('ambiguous-name', cell.participant, pRow, pCol);
    const initiative = fresh ? null : named;
    if ((initiative !== null && typeof initiative !== 'object') || typeof participant !== 'object') continue;
    const key = `${initiative ? initiative.id : `new:${normaliseImportName(cell.initiative)}`}|${participant.code}`;
    if (seen.has(key)) {
      report('duplicate-row', cell.participant, cell.row, cell.column);
      continue;
    }
    seen.add(key);
    let entry: ImportNewInitiative | undefined;
    if (!initiative) {
      const name = cell.initiative.trim();
      entry = created.get(normaliseImportName(name)) ?? { name, row: iRow, column: iCol, cells: 0 };
      created.set(normaliseImportName(name), entry);
    }
    const old = initiative ? cellAt(initiative, participant.code).status : DEFAULT_REGION_CELL.status;
    if (old === cell.status) {
      unchanged++;
      continue;
    }
    if (entry) entry.cells++;
    changes.push({
      initiativeId: initiative ? initiative.id : null,
      regionCode: participant.code,
      old,
      new: cell.status,
      row: cell.row,
      column: cell.column,
      initiative: initiative ? initiative.name : cell.initiative.trim(),
      participant: participant.name,
    });
  }
  return { changes, unchanged, problems, created: [...created.values()] };
}

/** A new initiative's fields: the name from the file, the rest empty (as a blank form would leave them). */
function importedFields(name: string): InitiativeFields {
  return {
    name,
    kind: 'project',
    summary: '',
    infoLink: null,
    contact: '',
    rolloutType: null,
    phase: null,
    nationalPilotStart: null,
    nationalPilotEnd: null,
    nationalBroadStart: null,
    nationalBroadEnd: null,
  };
}

/** The import's creation of an initiative: exactly what "Nytt införande" makes, its history marked with the import. */
export function createImportedInitiative(programme: Programme, existing: readonly Initiative[], name: string, ctx: EditContext, importId: string): Edit<Initiative> {
  const edit = createInitiative(programme, existing, importedFields(name), ctx);
  return { next: edit.next, history: edit.history.map((entry) => ({ ...entry, importId })) };
}

/**
 * Whether an initiative the import created still holds nothing but what the import wrote, once its cells are
 * restored: no field edited (its stamp is its creation's), every cell at the default plan, no need, no
 * milestone touched, no connection started. Only such an initiative is archived by undo; anything else is
 * someone's work since, and stays (decision 0028).
 */
export function untouchedSinceImport(initiative: Initiative): boolean {
  const plainCell = (c: Initiative['cells'][string]) =>
    c.status === DEFAULT_REGION_CELL.status &&
    c.pilotStart === null &&
    c.pilotEnd === null &&
    c.broadStart === null &&
    c.broadEnd === null &&
    !c.contactEstablished &&
    !c.hasDetails;
  return (
    initiative.updatedAt === initiative.createdAt &&
    !initiative.archived &&
    Object.values(initiative.cells).every(plainCell) &&
    initiative.needs.length === 0 &&
    initiative.milestones.every((m) => !m.done && m.dueMonth === null) &&
    Object.keys(initiative.connection ?? {}).length === 0
  );
}

/** Undoing an import's creation: the initiative is archived (kept, with its history; restorable), if untouched since. */
export function undoCreatedInitiative(initiative: Initiative, ctx: EditContext, importId: string): Edit<Initiative> & { kept: boolean } {
  if (initiative.archived) return { next: initiative, history: [], kept: false };
  if (!untouchedSinceImport(initiative)) return { next: initiative, history: [], kept: true };
  const edit = setArchived(initiative, true, ctx);
  return { next: edit.next, history: edit.history.map((entry) => ({ ...entry, importId, importUndo: true as const })), kept: false };
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
