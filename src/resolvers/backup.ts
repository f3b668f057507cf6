/**
 * Backup and restore of a whole programme (decision 0029), for the administrators of its space (0022).
 *
 * getBackupPart hands out the programme in pages (initiatives, then details, then history), each a few
 * bounded reads and a few MB at most; the browser assembles the file. restoreBackup takes the file back
 * one part per request: `check` (the dry run: writes nothing), `write` (the part's records, invisible until
 * the end) and `finish` (the programme record: from then on it is listed). Every step checks the header's
 * checksum and the part's digest, so a changed file is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import {
  BACKUP_PAGE_BYTES,
  checksumInput,
  getBackupPartSchema,
  packParts,
  partCounts,
  partDigestInput,
  partReferenceProblems,
  restoreBackupSchema,
  type BackupHeader,
  type BackupPart,
  type BackupPage,
  type RestoreStepResult,
} from '../shared/backup-format';
import { fail } from '../shared/errors';
import type { ValidationIssue } from '../shared/errors';
import {
  checkRestoreTarget,
  finishRestore,
  getProgramme,
  initiativesTakenElsewhere,
  readBackupDetails,
  readBackupHistory,
  readRestoreSession,
  readWholeInitiatives,
  restoreRows,
  writeRestorePart,
} from '../storage';
import { authoriseAdminister } from './admin';
import { defineResolver } from './define';

const sha256 = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Where a download is: initiatives from an offset, then details and history from a storage cursor. */
type Stage = { s: 'i'; o: number } | { s: 'd'; c?: string } | { s: 'h'; c?: string };

function readStage(cursor: string | undefined): Stage {
  if (!cursor) return { s: 'i', o: 0 };
  try {
    const stage = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Stage;
    if (stage.s === 'i' && Number.isInteger(stage.o) && stage.o >= 0) return stage;
    if ((stage.s === 'd' || stage.s === 'h') && (stage.c === undefined || typeof stage.c === 'string')) return stage;
  } catch {
    // the typed error below
  }
  fail('VALIDATION', 'The backup cursor is not valid', { issues: [{ path: 'cursor', message: 'Not a cursor from a previous page' }] });
}
const writeStage = (stage: Stage) => Buffer.from(JSON.stringify(stage), 'utf8').toString('base64url');

/** One page of the backup of one of the space's programmes. */
export const getBackupPart = defineResolver('getBackupPart', {
  authorise: (call) => authoriseAdminister(call, { lookUpName: false }),
  payload: getBackupPartSchema,
  async run(input, { spaceKey }): Promise<BackupPage> {
    const stage = readStage(input.cursor);
    const programme = await getProgramme(input.programmeId);
    if (!programme || programme.spaceKey !== spaceKey) fail('NOT_FOUND', 'There is no such programme in this space', { reason: 'no-programme' });
    const exportedAt = new Date().toISOString();
    let parts: BackupPart[];
    let next: Stage | null;
    if (stage.s === 'i') {
      const all = await readWholeInitiatives(programme.id);
      let end = stage.o;
      let bytes = 0;
      while (end < all.length && (end === stage.o || bytes + utf8(all[end]) <= BACKUP_PAGE_BYTES)) bytes += utf8(all[end++]);
      parts = packParts(all.slice(stage.o, end), (initiatives) => ({ kind: 'initiatives', initiatives }));
      next = end < all.length ? { s: 'i', o: end } : { s: 'd' };
    } else if (stage.s === 'd') {
      const page = await readBackupDetails(programme.id, stage.c, BACKUP_PAGE_BYTES);
      parts = packParts(page.details, (details) => ({ kind: 'details', details }));
      next = page.cursor ? { s: 'd', c: page.cursor } : { s: 'h' };
    } else {
      const page = await readBackupHistory(programme.id, stage.c, BACKUP_PAGE_BYTES);
      parts = packParts(page.entries, (entries) => ({ kind: 'history', entries }));
      next = page.cursor ? { s: 'h', c: page.cursor } : null;
    }
    return {
      programme: input.cursor ? null : programme,
      exportedAt,
      parts: parts.map((part) => ({ part, digest: sha256(partDigestInput(part)) })),
      cursor: next ? writeStage(next) : null,
    };
  },
});

const refuse = (issues: ValidationIssue[]): never => fail('VALIDATION', 'The backup file is not valid', { issues });

/**
 * The header is the one the checksum was made for, and the part is the one the header lists at `index`.
 * Both digests are taken over the request as sent (`raw`), as the browser's dry run takes them over the
 * file: the schema trims text, so a record stored with a trailing space (seeded, or written by an older
 * version) would otherwise make an untouched file look changed.
 */
function verify(raw: unknown, header: BackupHeader, index?: number, part?: BackupPart): void {
  const sent = raw as { header: BackupHeader; part?: BackupPart };
  if (sha256(checksumInput(sent.header)) !== header.checksum) refuse([{ path: 'header.checksum', message: 'The file was changed after it was saved (checksum)' }]);
  if (index === undefined || part === undefined || sent.part === undefined) return;
  if (index >= header.partDigests.length) refuse([{ path: 'index', message: 'The file has fewer parts than this' }]);
  if (sha256(partDigestInput(sent.part)) !== header.partDigests[index]) refuse([{ path: 'part', message: 'This part was changed after the file was saved (digest)' }]);
  const references = partReferenceProblems(header, part);
  if (references.length > 0) refuse(references.slice(0, 50).map((path) => ({ path: `part.${path}`, message: 'Refers to something the file does not hold' })));
}

/**
 * Restores a backup into the context's space, one step per call. The space must have no programme and the
 * programme's id must be free on this site (restoring next to the original is refused: CONFLICT).
 */
export const restoreBackup = defineResolver('restoreBackup', {
  authorise: (call) => authoriseAdminister(call, { lookUpName: false }),
  payload: restoreBackupSchema,
  async run(input, { spaceKey }, _call, raw): Promise<RestoreStepResult> {
    const header = input.header as BackupHeader;
    const programmeId = header.programme.id;
    if (input.step === 'finish') {
      verify(raw, header);
      await checkRestoreTarget(programmeId, spaceKey);
      const session = await readRestoreSession(programmeId);
      const written = new Set(session && session.checksum === header.checksum ? session.written : []);
      const missing = header.partDigests.map((_d, k) => k).filter((k) => !written.has(k));
      if (missing.length > 0) refuse(missing.slice(0, 50).map((k) => ({ path: `parts.${k}`, message: 'This part has not been restored yet' })));
      const revision = await finishRestore({ ...header.programme, spaceKey });
      return { programmeId, digest: null, counts: header.counts, revision };
    }
    const part = input.part as BackupPart;
    verify(raw, header, input.index, part);
    await checkRestoreTarget(programmeId, spaceKey);
    if (part.kind === 'initiatives') {
      const taken = await initiativesTakenElsewhere(
        programmeId,
        part.initiatives.map((i) => i.id),
      );
      if (taken.length > 0) fail('CONFLICT', 'Initiatives of this backup belong to another programme on this site', { current: { initiativeIds: taken } });
    }
    const digest = header.partDigests[input.index];
    if (input.step === 'check') return { programmeId, digest, counts: partCounts(part), revision: null };
    const revision = await writeRestorePart(programmeId, header.checksum, input.index, restoreRows(programmeId, part));
    return { programmeId, digest, counts: partCounts(part), revision };
  },
});
