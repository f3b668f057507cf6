/**
 * A cell lines import (decision 0031) as a diff per field, and its application and undo. Pure: the
 * resolvers read and write, these decide. Matching is the matrix import's (import-diff.ts): an initiative by
 * name or id, a participant by code, name or short name.
 *
 * An empty field of the file means "no value"; a column the file does not have leaves its field alone. A
 * field is changed only where the file's value differs from the stored one, so an unchanged export is a no-op.
 */
import {
  normaliseImportName,
  type ImportFieldChange,
  type ImportLine,
  type ImportLineChange,
  type ImportLineColumns,
  type ImportLineDiff,
  type ImportLineValues,
  type ImportNewInitiative,
  type ImportProblem,
} from '../../shared/import-csv';
import { CELL_LINE_FIELDS, type CellLineField } from '../../shared/cell-lines-csv';
import { DEFAULT_CELL, type CellDetails, type CellFields, type HistoryEntry, type Initiative, type ParticipantDetails, type Programme } from '../../shared/model';
import { cellAt, fullCell } from '../cells';
import { applyCellPatch } from '../edits/cell-edits';
import type { EditContext } from '../edits/edit-context';
import { initiativeNamed } from './import-diff';

export interface ImportLinesDiff {
  lines: ImportLineDiff[];
  unchanged: number;
  problems: ImportProblem[];
  created: ImportNewInitiative[];
}

/** The stored note and link of a cell (its details), as far as the preview needs them. */
export type StoredDetails = (initiativeId: string, code: string) => Pick<CellDetails, 'note' | 'link'>;

const DETAIL_FIELDS: ReadonlySet<CellLineField> = new Set(['note', 'link']);
/** Whether a change writes the participant's details record too (one more storage operation). */
export const touchesDetails = (change: Pick<ImportLineChange, 'fields'>) => change.fields.some((f) => DETAIL_FIELDS.has(f.field));

const WINDOWS = [
  ['pilotStart', 'pilotEnd'],
  ['broadStart', 'broadEnd'],
] as const;

/** The file's lines against the stored programme: per cell the fields that change, old → new; what cannot be matched. */
export function diffImportLines(
  programme: Programme,
  initiatives: readonly Initiative[],
  lines: readonly ImportLine[],
  columns: ImportLineColumns,
  stored: StoredDetails,
): ImportLinesDiff {
  const participantKeys = new Map<string, Programme['participants'][number] | 'ambiguous'>();
  for (const p of programme.participants) {
    for (const key of new Set([p.code, p.name, p.short].map(normaliseImportName))) {
      const had = participantKeys.get(key);
      participantKeys.set(key, had === undefined || had === p ? p : 'ambiguous');
    }
  }
  const participantColumn = columns.code ?? columns.participant ?? 1;
  const initiativeColumn = columns.initiative ?? 1;
  const problems: ImportProblem[] = [];
  const out: ImportLineDiff[] = [];
  const created = new Map<string, ImportNewInitiative>();
  const seen = new Set<string>();
  let unchanged = 0;
  for (const line of lines) {
    const named = initiativeNamed(initiatives, line.initiative);
    const participant = participantKeys.get(normaliseImportName(line.participant));
    const fresh = named === undefined && line.initiative.trim() !== '';
    const at = (kind: ImportProblem['kind'], column: number, value: string) => problems.push({ row: line.row, column, kind, value: value.slice(0, 60) });
    if (named === undefined && !fresh) at('unknown-initiative', initiativeColumn, line.initiative);
    if (named === 'ambiguous') at('ambiguous-name', initiativeColumn, line.initiative);
    if (participant === undefined) at('unknown-participant', participantColumn, line.participant);
    if (participant === 'ambiguous') at('ambiguous-name', participantColumn, line.participant);
    const initiative = fresh ? null : named;
    if ((initiative !== null && typeof initiative !== 'object') || typeof participant !== 'object') continue;
    const key = `${initiative ? initiative.id : `new:${normaliseImportName(line.initiative)}`}|${participant.code}`;
    if (seen.has(key)) {
      at('duplicate-row', 1, `${line.initiative}, ${line.participant}`);
      continue;
    }
    seen.add(key);
    const old: ImportLineValues = initiative ? lineValuesOf(fullCell(cellAt(initiative, participant.code), { ...DEFAULT_CELL, ...stored(initiative.id, participant.code) })) : lineValuesOf(DEFAULT_CELL);
    const next: ImportLineValues = { ...old, ...line.values };
    // A window the file changes must not end before it starts; one it leaves as stored is not the import's to judge.
    for (const [start, end] of WINDOWS) {
      const changed = next[start] !== old[start] || next[end] !== old[end];
      if (changed && next[start] !== null && next[end] !== null && next[end]! < next[start]!) {
        at('end-before-start', columns[end] ?? columns[start] ?? 1, `${next[start]} – ${next[end]}`);
      }
    }
    const fields: ImportFieldChange[] = CELL_LINE_FIELDS.filter((f) => f in line.values && next[f] !== old[f]).map((f) => ({ field: f, old: old[f], new: next[f] }));
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    if (!initiative) {
      const name = line.initiative.trim();
      const entry = created.get(normaliseImportName(name)) ?? { name, row: line.row, column: initiativeColumn, cells: 0 };
      entry.cells++;
      created.set(normaliseImportName(name), entry);
    }
    out.push({
      initiativeId: initiative ? initiative.id : null,
      regionCode: participant.code,
      fields,
      row: line.row,
      initiative: initiative ? initiative.name : line.initiative.trim(),
      participant: participant.name,
    });
  }
  // A cell with a window problem is not offered: the whole file waits for a clean preview.
  return { lines: out, unchanged, problems, created: [...created.values()] };
}

function lineValuesOf(cell: CellFields): ImportLineValues {
  return Object.fromEntries(CELL_LINE_FIELDS.map((f) => [f, cell[f]])) as unknown as ImportLineValues;
}

/** What one transaction of a lines import does to one initiative and its participants' details. */
export interface ImportLinesEdit {
  next: Initiative;
  history: HistoryEntry[];
  details: Map<string, ParticipantDetails>;
  /** Fields stored now at neither the previewed value nor the file's: the preview is stale. */
  conflicts: ImportLineChange[];
  /** The fields written, per cell (a field already at the file's value is left out: a retry writes nothing twice). */
  applied: ImportLineChange[];
}

const detailsIn = (details: ReadonlyMap<string, ParticipantDetails>, code: string): ParticipantDetails =>
  details.get(code) ?? { cell: { note: '', link: null, regionalContact: '', nationalContact: '' }, needNotes: {} };

/**
 * Writes `set` (field → value) of one cell with the cell edit's own rule (applyCellPatch: flags, contact
 * privacy, one history entry per cell), the entry marked with the import.
 */
function patchCell(
  state: { initiative: Initiative; details: Map<string, ParticipantDetails>; history: HistoryEntry[] },
  code: string,
  set: readonly ImportFieldChange[],
  direction: 'apply' | 'undo',
  ctx: EditContext,
  importId: string,
): void {
  if (set.length === 0) return;
  const patch = Object.fromEntries(set.map((f) => [f.field, direction === 'apply' ? f.new : f.old])) as Partial<CellFields>;
  const expected = Object.fromEntries(set.map((f) => [f.field, direction === 'apply' ? f.old : f.new])) as Partial<CellFields>;
  const edit = applyCellPatch(state.initiative, detailsIn(state.details, code), code, patch, expected, ctx);
  state.initiative = edit.next;
  if (edit.details) state.details.set(code, edit.details);
  state.history.push(...edit.history.map((entry) => ({ ...entry, importId, ...(direction === 'undo' ? { importUndo: true as const } : {}) })));
}

function storedField(initiative: Initiative, details: ReadonlyMap<string, ParticipantDetails>, code: string, field: CellLineField) {
  return fullCell(cellAt(initiative, code), detailsIn(details, code).cell)[field];
}

/** Applies the previewed changes of one initiative, or answers the conflicts and changes nothing. */
export function applyImportLines(
  initiative: Initiative,
  details: ReadonlyMap<string, ParticipantDetails>,
  changes: readonly ImportLineChange[],
  ctx: EditContext,
  importId: string,
): ImportLinesEdit {
  const conflicts: ImportLineChange[] = [];
  const plan: ImportLineChange[] = [];
  for (const change of changes) {
    const stale: ImportFieldChange[] = [];
    const todo: ImportFieldChange[] = [];
    for (const f of change.fields) {
      const now = storedField(initiative, details, change.regionCode, f.field);
      if (now === f.new) continue;
      if (now !== f.old) stale.push({ ...f, old: now });
      else todo.push(f);
    }
    if (stale.length > 0) conflicts.push({ ...change, fields: stale });
    if (todo.length > 0) plan.push({ ...change, fields: todo });
  }
  const state = { initiative, details: new Map<string, ParticipantDetails>(), history: [] as HistoryEntry[] };
  if (conflicts.length > 0) return { next: initiative, history: [], details: state.details, conflicts, applied: [] };
  for (const [code, d] of details) state.details.set(code, d);
  const written = new Map<string, ParticipantDetails>();
  for (const change of plan) {
    patchCell(state, change.regionCode, change.fields, 'apply', ctx, importId);
    if (touchesDetails(change)) written.set(change.regionCode, detailsIn(state.details, change.regionCode));
  }
  return { next: state.initiative, history: state.history, details: written, conflicts, applied: plan };
}

/** Undoing one part: each field still at the imported value gets its old one back; a field edited since is left and listed. */
export function undoImportLines(
  initiative: Initiative,
  details: ReadonlyMap<string, ParticipantDetails>,
  applied: readonly ImportLineChange[],
  ctx: EditContext,
  importId: string,
): { next: Initiative; history: HistoryEntry[]; details: Map<string, ParticipantDetails>; restored: ImportLineChange[]; refused: Array<{ regionCode: string; field: CellLineField }> } {
  const state = { initiative, details: new Map(details), history: [] as HistoryEntry[] };
  const restored: ImportLineChange[] = [];
  const refused: Array<{ regionCode: string; field: CellLineField }> = [];
  const written = new Map<string, ParticipantDetails>();
  for (const change of applied) {
    const back: ImportFieldChange[] = [];
    for (const f of change.fields) {
      const now = storedField(initiative, details, change.regionCode, f.field);
      if (now === f.new) back.push(f);
      else if (now !== f.old) refused.push({ regionCode: change.regionCode, field: f.field });
    }
    if (back.length === 0) continue;
    patchCell(state, change.regionCode, back, 'undo', ctx, importId);
    const undone = { ...change, fields: back };
    restored.push(undone);
    if (touchesDetails(undone)) written.set(change.regionCode, detailsIn(state.details, change.regionCode));
  }
  return { next: state.initiative, history: state.history, details: written, restored, refused };
}

/**
 * Storage operations per transaction for the cells: a KVS transaction holds 25; the initiative, the import's
 * part record, the import record and the revision take four. Each cell writes one history entry, and one
 * details record when its note or link changes.
 */
export const IMPORT_LINE_OPERATIONS = 21;

/** The changes in transaction-sized batches, each of one initiative. */
export function importLineBatches<T extends ImportLineChange>(changes: readonly T[]): T[][] {
  const byInitiative = new Map<string, T[]>();
  for (const c of changes) byInitiative.set(c.initiativeId, [...(byInitiative.get(c.initiativeId) ?? []), c]);
  const batches: T[][] = [];
  for (const list of byInitiative.values()) {
    let batch: T[] = [];
    let operations = 0;
    for (const change of list) {
      const cost = touchesDetails(change) ? 2 : 1;
      if (batch.length > 0 && operations + cost > IMPORT_LINE_OPERATIONS) {
        batches.push(batch);
        batch = [];
        operations = 0;
      }
      batch.push(change);
      operations += cost;
    }
    if (batch.length > 0) batches.push(batch);
  }
  return batches;
}
