/**
 * How the app's data sits in Forge storage: three custom entities and one plain key.
 *
 * Entity values carry only declared attributes at the top level (the Custom Entity Store checks their types),
 * so each record is a handful of indexed/conditioned attributes plus one untyped `data` attribute that holds
 * the rest. manifest.yml must declare exactly ENTITY_DECLARATIONS; a contract test compares the two.
 *
 * Times used as index ranges are epoch milliseconds, declared `float`: Forge's `integer` is 32-bit and cannot
 * hold them, while a float (a double) holds every epoch millisecond exactly.
 */
export const ENTITY = {
  programme: 'programme',
  initiative: 'initiative',
  detail: 'detail',
  progress: 'progress',
  history: 'history',
} as const;

export const INDEX = {
  programmesBySpace: 'by-space',
  programmesByPublished: 'by-published',
  initiativesByProgramme: 'by-programme',
  historyByProgramme: 'by-programme',
  historyByInitiative: 'by-initiative',
  historyByCell: 'by-cell',
  /** The programme's history of one participant, or of one user (decision 0030). */
  historyByParticipant: 'by-participant',
  historyByUser: 'by-user',
  detailsByInitiative: 'by-initiative',
  detailsByProgramme: 'by-programme',
  progressByProgramme: 'by-programme',
} as const;

/** Installation-wide token that changes on every write; the read cache compares it. */
export const REVISION_KEY = 'meta:revision';

/** Forge's limits, as the app designs around them. */
export const KVS_LIMITS = {
  pageSize: 100,
  transactionOperations: 25,
  valueBytes: 240 * 1024,
  /** Keys per batch get. */
  batchKeys: 25,
  transactionBytes: 4 * 1024 * 1024,
} as const;

type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';
export interface EntityDeclaration {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: Array<{ name: string; partition: string[]; range: string[] }>;
}

export const ENTITY_DECLARATIONS: EntityDeclaration[] = [
  {
    name: ENTITY.programme,
    attributes: {
      spaceKey: { type: 'string' },
      createdAt: { type: 'float' },
      published: { type: 'boolean' },
      version: { type: 'integer' },
      data: { type: 'any' },
    },
    indexes: [
      { name: INDEX.programmesBySpace, partition: ['spaceKey'], range: ['createdAt'] },
      { name: INDEX.programmesByPublished, partition: ['published'], range: ['createdAt'] },
    ],
  },
  {
    name: ENTITY.initiative,
    attributes: {
      programmeId: { type: 'string' },
      order: { type: 'integer' },
      version: { type: 'integer' },
      data: { type: 'any' },
    },
    indexes: [{ name: INDEX.initiativesByProgramme, partition: ['programmeId'], range: ['order'] }],
  },
  {
    name: ENTITY.detail,
    attributes: {
      programmeId: { type: 'string' },
      initiativeId: { type: 'string' },
      code: { type: 'string' },
      data: { type: 'any' },
    },
    indexes: [
      { name: INDEX.detailsByInitiative, partition: ['initiativeId'], range: ['code'] },
      { name: INDEX.detailsByProgramme, partition: ['programmeId'], range: ['initiativeId'] },
    ],
  },
  {
    name: ENTITY.progress,
    attributes: {
      programmeId: { type: 'string' },
      initiativeId: { type: 'string' },
      data: { type: 'any' },
    },
    indexes: [{ name: INDEX.progressByProgramme, partition: ['programmeId'], range: ['initiativeId'] }],
  },
  {
    name: ENTITY.history,
    attributes: {
      programmeId: { type: 'string' },
      initiativeId: { type: 'string' },
      regionCode: { type: 'string' },
      cell: { type: 'string' },
      // Who made the change (account id), at the top level so the programme's history can be read per user
      // through an index (decision 0030); also kept in `data`.
      by: { type: 'string' },
      at: { type: 'float' },
      // Absent until the entry is first redacted; then a redaction is conditioned on it (history-redaction).
      version: { type: 'integer' },
      data: { type: 'any' },
    },
    indexes: [
      { name: INDEX.historyByProgramme, partition: ['programmeId'], range: ['at'] },
      { name: INDEX.historyByInitiative, partition: ['initiativeId'], range: ['at'] },
      { name: INDEX.historyByCell, partition: ['cell'], range: ['at'] },
      { name: INDEX.historyByParticipant, partition: ['programmeId', 'regionCode'], range: ['at'] },
      { name: INDEX.historyByUser, partition: ['programmeId', 'by'], range: ['at'] },
    ],
  },
];
