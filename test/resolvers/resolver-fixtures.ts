/** Programmes for the resolver tests: one created through the resolvers as the INF editor would, or seeded. */
import { resolvers } from '../../src/resolvers';
import { RESOLVER_NAMES, type ResolverName } from '../../src/shared/contract';
import { DEFAULT_CELL, type InitiativeWithDetails } from '../../src/shared/model';
import { DEFAULT_MILESTONES } from '../../src/shared/vocabulary';
import { daysAgo, initiative } from '../domain/fixtures';
import type { Harness } from '../helpers/forge-harness';
import { dataOf } from '../helpers/forge-harness';
import { createHash } from 'node:crypto';
import { BACKUP_FORMAT, BACKUP_VERSION, checksumInput, partDigestInput, type BackupPart } from '../../src/shared/backup-format';

export const FIELDS = {
  name: 'Digitalt vårdmöte',
  kind: 'service',
  summary: '',
  infoLink: null,
  contact: '',
  rolloutType: null,
  phase: null,
  nationalPilotStart: null,
  nationalPilotEnd: null,
  nationalBroadStart: null,
  nationalBroadEnd: null,
} as const;

export interface InfProgramme {
  programmeId: string;
  initiativeIds: string[];
  /** With `needs: true`: two needs of the first initiative, and the history entry of a removed one (to restore). */
  needIds?: [string, string];
  removedNeedHistoryId?: string;
  /** With `needs: true` too: the history entry of a removed milestone of the first initiative (to restore). */
  removedMilestoneHistoryId?: string;
}

/** The default milestone createInfProgramme removes (with `needs: true`) from the first initiative. */
const REMOVED_MILESTONE = 'evaluation';

const NEED = { title: 'Tjänstekontrakt', category: 'service-contract', required: true, description: '', link: null } as const;

export async function createInfProgramme(h: Harness, options: { published?: boolean; initiatives?: number; needs?: boolean } = {}): Promise<InfProgramme> {
  const created = dataOf(
    await h.invoke('demo-editor', 'createProgramme', { name: 'Första linjens digitala vård', published: options.published ?? false }),
  );
  const initiativeIds: string[] = [];
  for (let k = 0; k < (options.initiatives ?? 2); k++) {
    const { initiative } = dataOf(await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...FIELDS, name: `Införande ${k + 1}` } }));
    initiativeIds.push(initiative.id);
  }
  if (!options.needs) return { programmeId: created.id, initiativeIds };
  const [initiativeId] = initiativeIds;
  const add = async (title: string) => dataOf(await h.invoke('demo-editor', 'upsertNeed', { initiativeId, fields: { ...NEED, title } })).need.id;
  const needIds: [string, string] = [await add('Tjänstekontrakt'), await add('HSA')];
  const removal = dataOf(await h.invoke('demo-editor', 'removeNeed', { initiativeId, needId: await add('SITHS') }));
  const milestoneRemoval = dataOf(await h.invoke('demo-editor', 'removeMilestone', { initiativeId, milestoneId: REMOVED_MILESTONE }));
  return {
    programmeId: created.id,
    initiativeIds,
    needIds,
    removedNeedHistoryId: removal.historyId ?? undefined,
    removedMilestoneHistoryId: milestoneRemoval.historyId ?? undefined,
  };
}

/** The macro config of page 2001 (space OTHER), which embeds the INF programme. */
export const embedding = (programmeId: string) => ({ pageId: '2001', config: { programmeId } });

/**
 * An initiative as seedProgramme takes it: every participant's details inline (note, link, contacts and
 * need notes), which storage splits into the initiative record and the detail records.
 */
export function seedInitiative(overrides: Partial<InitiativeWithDetails> = {}): InitiativeWithDetails {
  const { cells: _cells, needs: _needs, ...base } = initiative();
  return { ...base, cells: {}, needs: [], ...overrides };
}

/** A cell with its details inline, for seedInitiative. */
export function seedCell(overrides: Partial<InitiativeWithDetails['cells'][string]> = {}): InitiativeWithDetails['cells'][string] {
  return { ...DEFAULT_CELL, updatedAt: daysAgo(1), ...overrides };
}

/**
 * A valid payload of each resolver against a programme made by createInfProgramme, for the tests generated
 * over every resolver (the authorisation matrix, the payload fuzzing). A resolver wired into the handler
 * without a payload here fails those tests' coverage check: add it when it lands.
 */
export function validPayloads(inf: InfProgramme): Partial<Record<ResolverName, Record<string, unknown>>> {
  const [first, second] = inf.initiativeIds as [string, string];
  const [needId, otherNeedId] = inf.needIds ?? ['no-need', 'no-other-need'];
  return {
    upsertNeed: { initiativeId: first, fields: { ...NEED, title: 'Brandväggsöppning' } },
    reorderNeeds: { initiativeId: first, needIds: [otherNeedId, needId] },
    removeNeed: { initiativeId: first, needId },
    restoreNeed: { initiativeId: first, historyId: inf.removedNeedHistoryId ?? 'no-removal' },
    updateNeedProgress: { initiativeId: first, needId, regionCode: '01', patch: { progress: 'done' }, expected: { progress: 'not-started' } },
    bulkUpdateNeedProgress: { initiativeId: first, needId, regionCodes: ['01', '03'], progress: 'in-progress', expected: { '01': 'not-started', '03': 'not-started' } },
    updateMilestone: { initiativeId: first, milestoneId: 'plan', patch: { done: true, doneOn: '2026-01-15', note: 'Fastställd i styrgruppen' }, expected: { done: false, doneOn: null, note: '' } },
    addMilestone: { initiativeId: first, phase: 'planering', title: 'Workshop 1 genomförd', dueMonth: '2026-05', note: '' },
    // The second initiative has every default milestone: the full order, reversed.
    reorderMilestones: { initiativeId: second, milestoneIds: DEFAULT_MILESTONES.map((m) => m.id).reverse() },
    removeMilestone: { initiativeId: first, milestoneId: 'schedule' },
    restoreMilestone: { initiativeId: first, historyId: inf.removedMilestoneHistoryId ?? 'no-removal' },
    // The removed need's recorded definition: a value in the history an editor may remove.
    redactHistory: { historyId: inf.removedNeedHistoryId ?? 'no-removal', field: 'need', side: 'old' },
    applyTemplate: { initiativeId: first, templateId: 'execution-steps', locale: 'sv' },
    // Administration (decision 0022): one of the context space's programmes.
    setMilestoneTemplate: {
      programmeId: inf.programmeId,
      items: [{ id: 'plan', phase: 'planering', title: 'Införandeplan klar' }, { phase: 'avslut', title: 'Slutrapport' }],
      expectedVersion: 1,
    },
    updateContact: {
      initiativeId: first,
      regionCode: '01',
      patch: { contactEstablished: true, contactSince: '2026-02-01', regionalContact: 'Införandesamordnare, Region Stockholm', regionalContactPublic: true },
      expected: { contactEstablished: false, contactSince: null, regionalContact: '', regionalContactPublic: false },
    },
    bulkUpdateContacts: {
      initiativeId: first,
      regionCodes: ['01', '03'],
      contactSince: '2026-02-01',
      expected: { '01': { contactEstablished: false, contactSince: null }, '03': { contactEstablished: false, contactSince: null } },
    },
    // Region 01 starts the connection process and has steps 1 and 2 done.
    updateConnection: { initiativeId: first, regionCode: '01', patch: { start: '2026-02-02', done: 3 }, expected: { start: null, done: 0 } },
    getView: { locale: 'sv', includeArchived: false },
    getCapabilities: {},
    listProgrammes: {},
    getHistory: { initiativeId: first, regionCode: '01', limit: 10 },
    // The space page's history and digest (decision 0030): one cell's changes since 2020, and everything since.
    getProgrammeHistory: { programmeId: inf.programmeId, initiativeId: first, regionCode: '01', from: '2020-01-01T00:00:00.000Z', limit: 10 },
    getHistoryDigest: { programmeId: inf.programmeId, from: '2020-01-01T00:00:00.000Z' },
    getDetails: { initiativeId: first, regionCode: '01' },
    // A custom participant set, so the fuzzing reaches the list's rules (decision 0027).
    createProgramme: {
      name: 'Ett nytt program',
      description: '',
      stalenessDays: 90,
      published: false,
      participantSet: 'custom',
      participants: [
        { code: 'K1', name: 'Kommun ett', short: 'K1' },
        { code: 'K2', name: 'Kommun två', short: 'K2' },
      ],
    },
    upsertInitiative: { id: first, patch: { summary: 'Ny sammanfattning' }, expected: { summary: '' } },
    setInitiativeArchived: { id: first, archived: true },
    reorderInitiatives: { ids: [second, first] },
    updateCell: { initiativeId: first, regionCode: '01', patch: { status: 'pilot' }, expected: { status: 'not-started' } },
    bulkUpdateCells: { initiativeId: first, regionCodes: ['01', '03'], status: 'planning', expected: { '01': 'not-started', '03': 'not-started' } },
    getProgrammeAdmin: {},
    updateProgrammeSettings: {
      programmeId: inf.programmeId,
      patch: { name: 'Första linjens digitala vård 2027', stalenessDays: 60 },
      expected: { name: 'Första linjens digitala vård', stalenessDays: 90 },
    },
    updateParticipant: { programmeId: inf.programmeId, action: 'rename', code: '01', name: 'Region Stockholm (SLL)', short: 'Sthlm', expected: { name: 'Region Stockholm', short: 'Stockholm' } },
    getBackupPart: { programmeId: inf.programmeId },
    restoreBackup: sampleRestoreCheck(),
    // CSV import (decision 0028): a preview of one cell, the same cell applied, and the undo of an import (none exists: NOT_FOUND).
    previewImport: {
      programmeId: inf.programmeId,
      cells: [{ row: 2, column: 2, initiative: 'Införande 1', participant: 'Region Stockholm', status: 'pilot', initiativeInRows: true }],
    },
    applyImport: {
      programmeId: inf.programmeId,
      importId: 'import-1',
      fileName: 'status.csv',
      counts: { changes: 1, unchanged: 0 },
      changes: [{ initiativeId: first, regionCode: '01', old: 'not-started', new: 'pilot' }],
    },
    undoImport: { programmeId: inf.programmeId, importId: 'no-import' },
    listImports: { programmeId: inf.programmeId },
  };
}

/**
 * A valid write step of restoreBackup (decision 0029): one part of a small backup of a programme that is not
 * on the site, with a correct checksum and part digest, so the call gets past the file checks to the
 * target's (and, where allowed, writes: the matrix expects a successful write to change the store).
 */
export function sampleRestoreCheck(): Record<string, unknown> {
  const sha = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
  const at = '2026-01-01T00:00:00.000Z';
  const programme = {
    id: 'restored-programme',
    spaceKey: 'INF',
    name: 'Återställt program',
    description: '',
    participants: [{ code: '01', name: 'Region Stockholm', short: 'Stockholm' }],
    milestoneTemplate: [],
    stalenessDays: 90,
    published: false,
    isExample: false,
    createdAt: at,
    createdBy: 'demo-admin',
    updatedAt: at,
    updatedBy: 'demo-admin',
    version: 1,
  };
  const part: BackupPart = {
    kind: 'history',
    entries: [{ id: 'restored-h1', programmeId: programme.id, initiativeId: null, regionCode: null, needId: null, target: 'programme', action: 'create', at, by: 'demo-admin', byName: null, changes: [] }],
  };
  const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: at, programme, initiativeIds: [] as string[], counts: { initiatives: 0, details: 0, history: 1 }, partDigests: [sha(partDigestInput(part))] as string[] } as const;
  return { step: 'write', header: { ...header, checksum: sha(checksumInput(header)) }, index: 0, part };
}

/** The resolvers the handler answers today (the contract may already name some that are being built). */
export const WIRED_RESOLVERS: ResolverName[] = RESOLVER_NAMES.filter((name) => name in resolvers);
