/**
 * CSV import from the space page (issue 11, decision 0028): previewImport answers the diff and writes
 * nothing; applyImport writes a confirmed preview in parts; undoImport restores what an import changed.
 * All three are for the space's administrators (decision 0022), asked of Confluence on every call, and only
 * for a programme of the context's space (another space's is answered as absent).
 */
import {
  applyImportBatch,
  createImportedInitiative,
  diffImport,
  importBatches,
  initiativeNamed,
  undoCreatedInitiative,
  undoImportBatch,
  type ImportChange,
} from '../domain/import/import-diff';
import { applyImportLines, diffImportLines, importLineBatches, undoImportLines } from '../domain/import/import-lines';
import type { EditContext } from '../domain/edits';
import type { ImportLineChange, ImportRefusedField } from '../shared/import-csv';
import type { ImportListItem } from '../shared/contract';
import { fail } from '../shared/errors';
import { IMPORT_LIMITS } from '../shared/limits';
import type { Initiative, Programme } from '../shared/model';
import { applyImportSchema, listImportsSchema, previewImportSchema, undoImportSchema, type PreviewImportInput } from '../shared/schemas';
import { detailKey, getInitiative, getProgramme, readDetails, readDetailsByKey, readProgrammeSnapshot, readRevision } from '../storage';
import {
  insertImportedInitiative,
  markImportUndone,
  listImportRecords,
  openImportCreated,
  openImportParts,
  readImportRecord,
  startImportRecord,
  writeImportBatch,
  type ImportRecord,
} from '../storage/imports';
import { authoriseAdminister } from './admin';
import { defineResolver } from './define';

/** Parts of an undo per call: each is one transaction, so a call stays well inside an invocation's time. */
const UNDO_PARTS_PER_CALL = 10;

/**
 * The programme record alone: apply and undo run up to 70 calls at L, and re-reading every initiative on each
 * (the snapshot is new after every write) would spend the installation's read budget on data they do not use.
 */
async function spaceProgramme(spaceKey: string, programmeId: string) {
  const programme = await getProgramme(programmeId);
  if (!programme || programme.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
  return programme;
}

export const previewImport = defineResolver('previewImport', {
  authorise: (call) => authoriseAdminister(call, { lookUpName: false }),
  payload: previewImportSchema,
  async run(input, { spaceKey }, call) {
    const snapshot = await readProgrammeSnapshot(call.installation, input.programmeId);
    if (!snapshot || snapshot.programme.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
    if (!input.lines) return diffImport(snapshot.programme, snapshot.initiatives, input.cells);
    return previewLines(snapshot.programme, snapshot.initiatives, input.lines, input.lineColumns ?? {});
  },
});

/**
 * A cell lines part (decision 0031): notes and links are details, read only for the cells that have any and
 * whose line says something about them (a batch read per 25 cells).
 */
async function previewLines(programme: Programme, initiatives: readonly Initiative[], lines: NonNullable<PreviewImportInput['lines']>, columns: NonNullable<PreviewImportInput['lineColumns']>) {
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const pairs: Array<{ initiativeId: string; code: string }> = [];
  const none = { note: '', link: null };
  // A first pass only to learn which matched cells have details (it asks for each matched cell once).
  if (columns.note !== undefined || columns.link !== undefined) {
    diffImportLines(programme, initiatives, lines, columns, (initiativeId, code) => {
      if (byId.get(initiativeId)?.cells[code]?.hasDetails) pairs.push({ initiativeId, code });
      return none;
    });
  }
  const found = pairs.length > 0 ? await readDetailsByKey(pairs) : new Map();
  const diff = diffImportLines(programme, initiatives, lines, columns, (id, code) => found.get(detailKey(id, code))?.cell ?? none);
  return { changes: [], unchanged: diff.unchanged, problems: diff.problems, created: diff.created, lines: diff.lines };
}

/** Every cell of a part as the preview showed it, checked before anything of the part is written. */
async function requireFresh(programmeId: string, changes: readonly ImportChange[]): Promise<void> {
  const ids = [...new Set(changes.map((c) => c.initiativeId))];
  const read = await Promise.all(ids.map((id) => getInitiative(id)));
  const byId = new Map(read.filter((i) => i !== null && i.programmeId === programmeId).map((i) => [i!.id, i!]));
  const cells = new Set(changes.map((c) => `${c.initiativeId}|${c.regionCode}`));
  if (cells.size !== changes.length) fail('VALIDATION', 'A cell is listed twice', { issues: [{ path: 'changes', message: 'Each cell once' }] });
  const stale: string[] = [];
  for (const change of changes) {
    const initiative = byId.get(change.initiativeId);
    if (!initiative) fail('NOT_FOUND', 'No such initiative in this programme');
    const stored = initiative.cells[change.regionCode]?.status ?? 'not-started';
    if (stored !== change.old && stored !== change.new) stale.push(`${initiative.name} × ${change.regionCode}`);
  }
  if (stale.length > 0) {
    fail('CONFLICT', `Changed since the preview: ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ' …' : ''}`, {
      issues: stale.slice(0, 50).map((cell) => ({ path: 'changes', message: `${cell} was changed since the preview; preview the file again` })),
    });
  }
}

/**
 * Every field of a cell lines part as the preview showed it (decision 0031), checked before anything of the
 * part is written: a field now at neither the previewed value nor the file's is a CONFLICT.
 */
async function requireFreshLines(programmeId: string, lines: readonly ImportLineChange[], editor: EditContext): Promise<void> {
  const cells = new Set(lines.map((c) => `${c.initiativeId}|${c.regionCode}`));
  if (cells.size !== lines.length) fail('VALIDATION', 'A cell is listed twice', { issues: [{ path: 'lines', message: 'Each cell once' }] });
  const byInitiative = new Map<string, ImportLineChange[]>();
  for (const line of lines) byInitiative.set(line.initiativeId, [...(byInitiative.get(line.initiativeId) ?? []), line]);
  const stale: string[] = [];
  await Promise.all(
    [...byInitiative].map(async ([id, changes]) => {
      // Every cell's details, not only those whose note or link changes: a cell edit recomputes hasDetails from them.
      const [initiative, details] = await Promise.all([getInitiative(id), readDetails(id, changes.map((c) => c.regionCode))]);
      if (!initiative || initiative.programmeId !== programmeId) fail('NOT_FOUND', 'No such initiative in this programme');
      for (const c of applyImportLines(initiative, details, changes, editor, 'check').conflicts) {
        stale.push(`${initiative.name} × ${c.regionCode} (${c.fields.map((f) => f.field).join(', ')})`);
      }
    }),
  );
  if (stale.length > 0) {
    fail('CONFLICT', `Changed since the preview: ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ' …' : ''}`, {
      issues: stale.slice(0, 50).map((cell) => ({ path: 'lines', message: `${cell} was changed since the preview; preview the file again` })),
    });
  }
}

/**
 * The initiatives the preview listed as new, each made by the domain's own createInitiative (as "Nytt
 * införande" makes it) in a transaction with its history and the import's note of it. A name the programme
 * has by now (a retried call, or someone was quicker) is answered with that initiative, never made twice.
 */
async function createInitiatives(installation: string, programme: Programme, names: readonly string[], editor: EditContext, record: ImportRecord) {
  const snapshot = await readProgrammeSnapshot(installation, programme.id);
  const all: Initiative[] = [...(snapshot?.initiatives ?? [])];
  const created: Array<{ name: string; initiativeId: string }> = [];
  let revision: string | undefined;
  for (const name of names) {
    const found = initiativeNamed(all, name);
    if (found === 'ambiguous') fail('CONFLICT', `Several initiatives are named ${name}; preview the file again`);
    if (found) {
      created.push({ name, initiativeId: found.id });
      continue;
    }
    const { next, history } = createImportedInitiative(programme, all, name, editor, record.importId);
    revision = await insertImportedInitiative(next, history, record);
    all.push(next);
    created.push({ name, initiativeId: next.id });
  }
  return { created, revision };
}

export const applyImport = defineResolver('applyImport', {
  authorise: authoriseAdminister,
  payload: applyImportSchema,
  async run(input, { spaceKey, editor }, call) {
    const programme = await spaceProgramme(spaceKey, input.programmeId);
    const participants = new Set(programme.participants.map((p) => p.code));
    const lines = input.lines ?? [];
    if ([...input.changes, ...lines].some((c) => !participants.has(c.regionCode))) fail('VALIDATION', 'Not a participant of this programme', { issues: [{ path: 'changes', message: 'Unknown participant' }] });
    const existing = await readImportRecord(input.importId);
    if (existing && existing.programmeId !== programme.id) fail('CONFLICT', 'This import id belongs to another programme');
    if (input.changes.length > 0) await requireFresh(programme.id, input.changes);
    if (lines.length > 0) await requireFreshLines(programme.id, lines, editor);
    let record: ImportRecord = existing ?? {
      importId: input.importId,
      programmeId: programme.id,
      at: editor.at,
      by: editor.by,
      byName: editor.byName,
      fileName: input.fileName,
      changes: input.counts.changes,
      unchanged: input.counts.unchanged,
      ...(input.counts.created ? { created: input.counts.created } : {}),
      applied: 0,
    };
    if (!existing) await startImportRecord(record);
    let revision = await readRevision();
    const created: Array<{ name: string; initiativeId: string }> = [];
    if (input.create && input.create.length > 0) {
      const made = await createInitiatives(call.installation, programme, input.create, editor, record);
      created.push(...made.created);
      revision = made.revision ?? revision;
    }
    let applied = 0;
    for (const batch of importBatches(input.changes)) {
      const written = await writeImportBatch(
        batch[0].initiativeId,
        programme.id,
        (current) => {
          const edit = applyImportBatch(current, batch, editor, input.importId);
          if (edit.conflicts.length > 0) fail('CONFLICT', 'A cell was changed since the preview; preview the file again');
          return { next: edit.next, history: edit.history, cells: edit.applied };
        },
        record,
      );
      applied += written.cells.length;
      record = written.record;
      revision = written.revision;
    }
    for (const batch of importLineBatches(lines)) {
      const written = await writeImportBatch(
        batch[0].initiativeId,
        programme.id,
        (current, details) => {
          const edit = applyImportLines(current, details, batch, editor, input.importId);
          if (edit.conflicts.length > 0) fail('CONFLICT', 'A cell was changed since the preview; preview the file again');
          return { next: edit.next, history: edit.history, cells: [], lines: edit.applied, details: edit.details };
        },
        record,
        undefined,
        // Every cell's details (a batch get per 25): applyCellPatch derives hasDetails and privacy from them.
        batch.map((c) => c.regionCode),
      );
      applied += written.lines.length;
      record = written.record;
      revision = written.revision;
    }
    return { applied, revision, created };
  },
});

export const undoImport = defineResolver('undoImport', {
  authorise: authoriseAdminister,
  payload: undoImportSchema,
  async run(input, { spaceKey, editor }) {
    const programme = await spaceProgramme(spaceKey, input.programmeId);
    const record = await readImportRecord(input.importId);
    if (!record || record.programmeId !== programme.id) fail('NOT_FOUND', 'No such import in this programme');
    const { parts, more: moreParts } = await openImportParts(input.importId, UNDO_PARTS_PER_CALL);
    const now = parts.filter(({ part }) => part.programmeId === programme.id);
    let undoRecord: ImportRecord = { ...record, undoneAt: editor.at };
    let restored = 0;
    const refused: Array<ImportChange & { initiative: string }> = [];
    const refusedLines: Array<Omit<ImportRefusedField, 'participant'>> = [];
    let revision = await readRevision();
    for (const { key, part } of now) {
      let outcome: ReturnType<typeof undoImportBatch> | undefined;
      let lineRefusals: Array<{ regionCode: string; field: ImportRefusedField['field'] }> = [];
      let name = part.initiativeId;
      const partLines = part.lines ?? [];
      const written = await writeImportBatch(
        part.initiativeId,
        programme.id,
        (current, details) => {
          name = current.name;
          if (partLines.length > 0) {
            // A cell lines part (decision 0031): every field still at the imported value gets its old one back.
            const undone = undoImportLines(current, details, partLines, editor, input.importId);
            lineRefusals = undone.refused;
            return { next: undone.next, history: undone.history, cells: [], lines: undone.restored, details: undone.details };
          }
          outcome = undoImportBatch(current, part.cells, editor as EditContext, input.importId);
          return { next: outcome.next, history: outcome.history, cells: outcome.restored };
        },
        undoRecord,
        { key },
        partLines.map((c) => c.regionCode),
      );
      restored += written.cells.length + written.lines.length;
      undoRecord = written.record;
      refused.push(...(outcome?.refused ?? []).map((c) => ({ ...c, initiative: name })));
      refusedLines.push(...lineRefusals.map((r) => ({ ...r, initiativeId: part.initiativeId, initiative: name })));
      revision = written.revision;
    }
    // The initiatives it created, once every cell part is undone (their cells are back at "not started" then).
    let archived = 0;
    const kept: string[] = [];
    let more = moreParts;
    if (!moreParts) {
      const news = await openImportCreated(input.importId, UNDO_PARTS_PER_CALL);
      more = news.more;
      for (const { key, created } of news.created.filter((n) => n.created.programmeId === programme.id)) {
        let keep = false;
        const written = await writeImportBatch(
          created.initiativeId,
          programme.id,
          (current) => {
            const outcome = undoCreatedInitiative(current, editor, input.importId);
            keep = outcome.kept;
            return { next: outcome.next, history: outcome.history, cells: [] };
          },
          undoRecord,
          { key },
        );
        if (keep) kept.push(created.name);
        else archived++;
        undoRecord = written.record;
        revision = written.revision;
      }
      // An import that created initiatives but changed no cell has no part: its record still says it was undone.
      if (!record.undoneAt && now.length === 0 && news.created.length === 0) await markImportUndone(undoRecord);
    }
    const participantName = new Map(programme.participants.map((p) => [p.code, p.name]));
    return {
      restored,
      refused: refused.map((c) => ({ ...c, participant: participantName.get(c.regionCode) ?? c.regionCode })),
      ...(refusedLines.length > 0 ? { refusedFields: refusedLines.map((r) => ({ ...r, participant: participantName.get(r.regionCode) ?? r.regionCode })) } : {}),
      archived,
      kept,
      more,
      revision,
    };
  },
});

/** The record as the space page lists it: the cells written, or as previewed for a record older than the count. */
function listItem(record: ImportRecord): ImportListItem {
  return {
    importId: record.importId,
    at: record.at,
    byName: record.byName,
    fileName: record.fileName,
    cells: record.applied ?? record.changes,
    created: record.created ?? 0,
    undoneAt: record.undoneAt ?? null,
  };
}

export const listImports = defineResolver('listImports', {
  authorise: (call) => authoriseAdminister(call, { lookUpName: false }),
  payload: listImportsSchema,
  async run(input, { spaceKey }) {
    const programme = await spaceProgramme(spaceKey, input.programmeId);
    const page = await listImportRecords(programme.id, IMPORT_LIMITS.listPage, input.cursor);
    return { imports: page.records.filter((r) => r.programmeId === programme.id).map(listItem), cursor: page.cursor };
  },
});
