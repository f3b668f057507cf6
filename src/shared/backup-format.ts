/**
 * The backup of a whole programme (issue 11; decision 0029): a versioned JSON document that the browser
 * assembles from pages of `getBackupPart` and uploads again, part by part, to `restoreBackup`.
 *
 * The document is a header (format, version, the programme record, the initiative ids, counts, one digest
 * per part, and a checksum over all of that) and a list of parts, each small enough to be uploaded in one
 * request with the header (under Forge's 500 KB). Because every part has its own digest inside the
 * checksummed header, the server can check any single part against the file it came from without holding
 * the whole file: a changed part, header or part list is found in the dry run, before anything is written.
 * The checksum detects damage and editing by hand; it is not a signature (an administrator who can restore
 * could also write the data through the app).
 *
 * Digests are SHA-256 of the canonical JSON (keys sorted) of a part or of the header, computed with
 * node:crypto on the server and crypto.subtle in the browser; this file only says what is hashed.
 */
import { z } from 'zod';
import type { HistoryEntry, Initiative, ParticipantDetails, Programme } from './model';
import { NEED_CATEGORIES, NEED_PROGRESS, PHASES, ROLLOUT_STATUSES } from './vocabulary';
import { FORBIDDEN_CHARACTERS, initiativeFieldsSchema, isoDate, LIMITS, regionCode, webLink, yearMonth } from './schemas';

export const BACKUP_FORMAT = 'inforandeoversikt-backup';
export const BACKUP_VERSION = 1 as const;

/**
 * The largest part, in UTF-8 bytes of its JSON. The header (≤ ~70 KB with 400 participants at their
 * longest names) travels with every part, so a request stays under 500 KB with room for the envelope.
 */
export const BACKUP_PART_BYTES = 380_000;
/** How many parts one download page holds at most in bytes: far below the 5 MB response limit. */
export const BACKUP_PAGE_BYTES = 3_000_000;
/** Parts in one file: at L-max (50 × 290, every text at its maximum) about 80; a bound for the schemas. */
export const BACKUP_MAX_PARTS = 2_000;
export const BACKUP_MAX_INITIATIVES = 500;

export interface BackupDetail {
  initiativeId: string;
  code: string;
  details: ParticipantDetails;
}

export type BackupPart =
  | { kind: 'initiatives'; initiatives: Initiative[] }
  | { kind: 'details'; details: BackupDetail[] }
  | { kind: 'history'; entries: HistoryEntry[] };

export interface BackupCounts {
  initiatives: number;
  details: number;
  history: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  programme: Programme;
  initiativeIds: string[];
  counts: BackupCounts;
  partDigests: string[];
  /** 'sha256:' + hex of the SHA-256 of checksumInput(header). */
  checksum: string;
}

export interface BackupDocument extends BackupHeader {
  parts: BackupPart[];
}

/** JSON with object keys sorted at every level, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the checksum covers: the whole header but the checksum itself (the parts through their digests). */
export function checksumInput(header: Omit<BackupHeader, 'checksum'> & { checksum?: string }): string {
  const { checksum: _checksum, ...rest } = header;
  return canonicalJson({ format: rest.format, version: rest.version, exportedAt: rest.exportedAt, programme: rest.programme, initiativeIds: rest.initiativeIds, counts: rest.counts, partDigests: rest.partDigests });
}

export const partDigestInput = (part: BackupPart): string => canonicalJson(part);

export const utf8Bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Splits items into parts of at most BACKUP_PART_BYTES (one item per part at least). */
export function packParts<T>(items: readonly T[], make: (items: T[]) => BackupPart, budget = BACKUP_PART_BYTES): BackupPart[] {
  const parts: BackupPart[] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = utf8Bytes(item) + 1;
    if (batch.length > 0 && bytes + size > budget) {
      parts.push(make(batch));
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) parts.push(make(batch));
  return parts;
}

// ------------------------------------------------------------------ schemas (the shared limits, on every field)

const text = (max: number) => z.string().max(max).refine((v) => !FORBIDDEN_CHARACTERS.test(v), { message: 'Forbidden characters' });
const id = z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_-]+$/, { message: 'Invalid id' });
/** Times as the app stores them; parsed to check they are times. */
const isoDateTime = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'Not a time' });
const person = text(LIMITS.shortText);

const participantSchema = z.strictObject({
  code: regionCode,
  name: text(LIMITS.name),
  short: text(LIMITS.name),
  iso: z.string().max(16).optional(),
  group: text(LIMITS.name).optional(),
});

export const backupProgrammeSchema = z.strictObject({
  id,
  spaceKey: z.string().min(1).max(255),
  name: text(LIMITS.name),
  description: text(LIMITS.summary),
  participants: z.array(participantSchema).min(1).max(LIMITS.participants),
  retiredParticipants: z.array(participantSchema).max(LIMITS.participants).optional(),
  milestoneTemplate: z.array(z.strictObject({ id, phase: z.enum(PHASES), title: text(LIMITS.shortText) })).max(LIMITS.milestonesPerInitiative),
  stalenessDays: z.number().int().min(1).max(3650),
  published: z.boolean(),
  isExample: z.boolean(),
  createdAt: isoDateTime,
  createdBy: person,
  updatedAt: isoDateTime,
  updatedBy: person,
  version: z.number().int().min(1),
});

const regionCellSchema = z.strictObject({
  status: z.enum(ROLLOUT_STATUSES),
  pilotStart: yearMonth.nullable(),
  pilotEnd: yearMonth.nullable(),
  broadStart: yearMonth.nullable(),
  broadEnd: yearMonth.nullable(),
  contactEstablished: z.boolean(),
  contactSince: isoDate.nullable(),
  updatedAt: isoDateTime.nullable(),
  hasDetails: z.boolean(),
  detailsPrivate: z.boolean().optional(),
});

const needSchema = z.strictObject({
  id,
  title: text(LIMITS.name),
  category: z.enum(NEED_CATEGORIES),
  required: z.boolean(),
  description: text(LIMITS.needDescription),
  link: webLink.nullable(),
  progress: z.record(regionCode, z.strictObject({ progress: z.enum(NEED_PROGRESS), updatedAt: isoDateTime.nullable(), hasNote: z.boolean() })),
});

const milestoneSchema = z.strictObject({
  id,
  phase: z.enum(PHASES),
  title: text(LIMITS.shortText),
  done: z.boolean(),
  dueMonth: yearMonth.nullable(),
  doneOn: isoDate.nullable(),
  note: text(LIMITS.shortText).optional(),
  weekOffset: z.number().int().min(0).max(52).nullable().optional(),
});

export const backupInitiativeSchema = z.strictObject({
  id,
  programmeId: id,
  order: z.number().int().min(0),
  archived: z.boolean(),
  // The fields an editor writes, under the same rules as an edit.
  ...initiativeFieldsSchema.shape,
  updatedAt: isoDateTime.nullable(),
  updatedBy: person.nullable(),
  updatedByName: person.nullable(),
  cells: z.record(regionCode, regionCellSchema),
  needs: z.array(needSchema).max(LIMITS.needsPerInitiative),
  milestones: z.array(milestoneSchema).max(LIMITS.milestonesPerInitiative),
  progressSummary: z.strictObject({ openRequired: z.record(regionCode, z.array(id)), updatedAt: isoDateTime.nullable() }).optional(),
  connection: z.record(regionCode, z.strictObject({ start: isoDate, done: z.number().int().min(0) })).optional(),
  createdAt: isoDateTime,
  createdBy: person,
  version: z.number().int().min(1),
});

export const backupDetailSchema = z.strictObject({
  initiativeId: id,
  code: regionCode,
  details: z.strictObject({
    cell: z.strictObject({
      note: text(LIMITS.note),
      link: webLink.nullable(),
      regionalContact: text(LIMITS.shortText),
      nationalContact: text(LIMITS.shortText),
    }),
    needNotes: z.record(id, text(LIMITS.note)),
    publicContacts: z.strictObject({ regional: z.boolean(), national: z.boolean() }).optional(),
  }),
});

/** A change's old and new values are whatever the field held: bounded by the size of the entry instead. */
const historyValue = z.unknown();
export const backupHistorySchema = z
  .strictObject({
    id,
    programmeId: id,
    initiativeId: id.nullable(),
    regionCode: regionCode.nullable(),
    needId: id.nullable(),
    milestoneId: id.optional(),
    target: z.enum(['programme', 'initiative', 'cell', 'need', 'need-progress', 'milestone']),
    action: z.enum(['create', 'update', 'archive', 'restore', 'reorder', 'delete']),
    at: isoDateTime,
    by: person,
    byName: person.nullable(),
    changes: z.array(z.strictObject({ field: z.string().max(LIMITS.name), old: historyValue, new: historyValue })).max(LIMITS.participants * 4),
    redactions: z
      .array(z.strictObject({ field: z.string().max(LIMITS.name), side: z.enum(['old', 'new']), at: isoDateTime, by: person, byName: person.nullable() }))
      .optional(),
    importId: id.optional(),
    importUndo: z.literal(true).optional(),
  })
  // One history record must fit Forge's 240 KiB.
  .refine((entry) => utf8Bytes(entry) <= 200 * 1024, { message: 'History entry too large' });

export const backupPartSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('initiatives'), initiatives: z.array(backupInitiativeSchema).min(1).max(BACKUP_MAX_INITIATIVES) }),
  z.strictObject({ kind: z.literal('details'), details: z.array(backupDetailSchema).min(1).max(20_000) }),
  z.strictObject({ kind: z.literal('history'), entries: z.array(backupHistorySchema).min(1).max(20_000) }),
]);

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, { message: 'Not a digest' });

export const backupHeaderSchema = z.strictObject({
  // Format and version are checked before the schema (backupHeaderProblem), so they are only typed here.
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: isoDateTime,
  programme: backupProgrammeSchema,
  initiativeIds: z.array(id).max(BACKUP_MAX_INITIATIVES),
  counts: z.strictObject({ initiatives: z.number().int().min(0), details: z.number().int().min(0), history: z.number().int().min(0) }),
  partDigests: z.array(digest).max(BACKUP_MAX_PARTS),
  checksum: digest,
});

/**
 * What is wrong with a document's identity before anything else is read: not a backup of this app, or of
 * another format version. Null when it is ours and of this version. Zod-free, so the browser can say it early.
 */
export function backupHeaderProblem(header: unknown): 'format' | 'version' | null {
  if (header === null || typeof header !== 'object' || (header as { format?: unknown }).format !== BACKUP_FORMAT) return 'format';
  return (header as { version?: unknown }).version === BACKUP_VERSION ? null : 'version';
}

/**
 * References a part makes beyond itself, checked against the header: every record belongs to the
 * programme, every detail and cell to an initiative of the file and a participant of the programme.
 * Returns the dotted paths (within the part) of what does not hold.
 */
export function partReferenceProblems(header: Pick<BackupHeader, 'programme' | 'initiativeIds'>, part: BackupPart): string[] {
  const programmeId = header.programme.id;
  const initiatives = new Set(header.initiativeIds);
  const codes = new Set([...header.programme.participants, ...(header.programme.retiredParticipants ?? [])].map((p) => p.code));
  const problems: string[] = [];
  if (part.kind === 'initiatives') {
    part.initiatives.forEach((initiative, k) => {
      if (initiative.programmeId !== programmeId) problems.push(`initiatives.${k}.programmeId`);
      if (!initiatives.has(initiative.id)) problems.push(`initiatives.${k}.id`);
      for (const code of Object.keys(initiative.cells)) if (!codes.has(code)) problems.push(`initiatives.${k}.cells.${code}`);
    });
  } else if (part.kind === 'details') {
    part.details.forEach((detail, k) => {
      if (!initiatives.has(detail.initiativeId)) problems.push(`details.${k}.initiativeId`);
      if (!codes.has(detail.code)) problems.push(`details.${k}.code`);
    });
  } else {
    part.entries.forEach((entry, k) => {
      if (entry.programmeId !== programmeId) problems.push(`entries.${k}.programmeId`);
    });
  }
  return problems;
}

/** How many records of each kind a part holds. */
export function partCounts(part: BackupPart): BackupCounts {
  return {
    initiatives: part.kind === 'initiatives' ? part.initiatives.length : 0,
    details: part.kind === 'details' ? part.details.length : 0,
    history: part.kind === 'history' ? part.entries.length : 0,
  };
}

/** `programme-<name>-<date>.json`, the name reduced to letters, digits and dashes. */
export function backupFileName(programmeName: string, date: string): string {
  const slug =
    programmeName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'programme';
  return `programme-${slug}-${date.slice(0, 10)}.json`;
}

// ------------------------------------------------------------------ requests

export const getBackupPartSchema = z.strictObject({ programmeId: id, cursor: z.string().min(1).max(4000).optional() });
export type GetBackupPartInput = z.input<typeof getBackupPartSchema>;

export const restoreBackupSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('check'), header: backupHeaderSchema, index: z.number().int().min(0).max(BACKUP_MAX_PARTS), part: backupPartSchema }),
  z.strictObject({ step: z.literal('write'), header: backupHeaderSchema, index: z.number().int().min(0).max(BACKUP_MAX_PARTS), part: backupPartSchema }),
  z.strictObject({ step: z.literal('finish'), header: backupHeaderSchema }),
]);
export type RestoreBackupInput = z.input<typeof restoreBackupSchema>;

/** One page of a backup download: the programme on the first page, then parts with their digests. */
export interface BackupPage {
  programme: Programme | null;
  exportedAt: string;
  parts: Array<{ part: BackupPart; digest: string }>;
  cursor: string | null;
}

export interface RestoreStepResult {
  programmeId: string;
  /** The part's digest as the server computed it (check and write). */
  digest: string | null;
  counts: BackupCounts;
  /** The new revision after a write or the finish; null after a check. */
  revision: string | null;
}

/** SHA-256 of a UTF-8 text as 'sha256:<hex>': node:crypto on the server, crypto.subtle in the browser. */
export type Sha256 = (text: string) => Promise<string>;

/** The document from the downloaded pages: the header's digests and checksum computed over the parts. */
export async function assembleBackup(programme: Programme, exportedAt: string, parts: BackupPart[], sha256: Sha256): Promise<BackupDocument> {
  const partDigests = await Promise.all(parts.map((part) => sha256(partDigestInput(part))));
  const counts = parts.map(partCounts).reduce((a, b) => ({ initiatives: a.initiatives + b.initiatives, details: a.details + b.details, history: a.history + b.history }), { initiatives: 0, details: 0, history: 0 });
  const initiativeIds = parts.flatMap((part) => (part.kind === 'initiatives' ? part.initiatives.map((i) => i.id) : []));
  const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, programme, initiativeIds, counts, partDigests } as const;
  return { ...header, initiativeIds, partDigests, checksum: await sha256(checksumInput(header)), parts };
}

export type BackupProblemKind = 'json' | 'format' | 'version' | 'checksum' | 'part-digest' | 'truncated' | 'schema' | 'reference';
export interface BackupProblem {
  kind: BackupProblemKind;
  /** Which part (0-based), or null for the header or the whole file. */
  part: number | null;
  /** Dotted path within the header or the part. */
  path: string;
  /** The schema issue's message (developer English); the UI shows a translated text by kind. */
  detail?: string;
}

/**
 * Everything that can be checked in the file itself, before any request: what it is, its version, its
 * checksum and every part's digest, the schema and limits of every record, and the references between
 * parts. The server checks the same again, part by part, before it writes anything.
 */
export async function checkBackupDocument(text: string, sha256: Sha256): Promise<{ document: BackupDocument | null; problems: BackupProblem[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { document: null, problems: [{ kind: 'json', part: null, path: '' }] };
  }
  const identity = backupHeaderProblem(raw);
  if (identity) return { document: null, problems: [{ kind: identity, part: null, path: identity }] };
  const problems: BackupProblem[] = [];
  const { parts: rawParts, ...rawHeader } = raw as Record<string, unknown>;
  const header = backupHeaderSchema.safeParse(rawHeader);
  if (!header.success) {
    for (const issue of header.error.issues.slice(0, 50)) problems.push({ kind: 'schema', part: null, path: issue.path.join('.'), detail: issue.message });
    return { document: null, problems };
  }
  // Over the header as written in the file, not as the schema trimmed it (the server does the same).
  if ((await sha256(checksumInput(rawHeader as unknown as BackupHeader))) !== header.data.checksum) problems.push({ kind: 'checksum', part: null, path: 'checksum' });
  const parts = Array.isArray(rawParts) ? rawParts : [];
  if (parts.length !== header.data.partDigests.length) problems.push({ kind: 'truncated', part: null, path: 'parts' });
  const valid: BackupPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const parsed = backupPartSchema.safeParse(parts[k]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) problems.push({ kind: 'schema', part: k, path: issue.path.join('.'), detail: issue.message });
      continue;
    }
    const part = parts[k] as BackupPart;
    if (header.data.partDigests[k] !== (await sha256(partDigestInput(part)))) problems.push({ kind: 'part-digest', part: k, path: '' });
    for (const path of partReferenceProblems(header.data as BackupHeader, part)) problems.push({ kind: 'reference', part: k, path });
    valid.push(part);
  }
  return { document: problems.length === 0 ? ({ ...(header.data as BackupHeader), parts: valid } as BackupDocument) : null, problems };
}
