/**
 * The one typed contract between the Custom UI and the resolvers. The frontend's invoke wrapper and the
 * backend's resolver definitions are both typed from RESOLVERS, so a renamed resolver or field breaks the
 * build rather than production.
 */
import type { Result } from './errors';
import type {
  CellDetails,
  CellFields,
  HistoryEntry,
  Initiative,
  InitiativeFields,
  IsoDateTime,
  Milestone,
  MilestoneTemplateItem,
  Participant,
  PublicContacts,
  Programme,
  RegionCell,
  TechnicalNeed,
  YearMonth,
} from './model';
import type { Locale, MacroKey, NeedProgress, RolloutStatus } from './vocabulary';
import type {
  BulkUpdateCellsInput,
  CreateProgrammeInput,
  GetDetailsInput,
  GetHistoryInput,
  GetProgrammeHistoryInput,
  GetHistoryDigestInput,
  RedactHistoryInput,
  UpdateCellInput,
  UpsertInitiativeInput,
  SetInitiativeArchivedInput,
  ReorderInitiativesInput,
  UpsertNeedInput,
  ReorderNeedsInput,
  RemoveNeedInput,
  RestoreNeedInput,
  UpdateNeedProgressInput,
  BulkUpdateNeedProgressInput,
  MacroConfig,
  UpdateMilestoneInput,
  AddMilestoneInput,
  ReorderMilestonesInput,
  RemoveMilestoneInput,
  RestoreMilestoneInput,
  ApplyTemplateInput,
  SetMilestoneTemplateInput,
  UpdateContactInput,
  BulkUpdateContactsInput,
  UpdateProgrammeSettingsInput,
  UpdateParticipantInput,
  UpdateConnectionInput,
  PreviewImportInput,
  ApplyImportInput,
  UndoImportInput,
  ListImportsInput,
} from './schemas';
import type { ImportDiffLine, ImportLineDiff, ImportNewInitiative, ImportProblem, ImportRefusedCell, ImportRefusedField } from './import-csv';
import type { WireViewResponse } from './view-wire';
import type { HistoryDigest } from './history-digest';
import type { BackupPage, GetBackupPartInput, RestoreBackupInput, RestoreStepResult } from './backup-format';

export type { MacroConfig } from './schemas';

// ---------------------------------------------------------------- capabilities

export interface Capabilities {
  accountType: 'licensed' | 'unlicensed' | 'customer' | 'anonymous';
  /** May edit the programme shown by this macro, from this page. */
  canEdit: boolean;
  /** May create a programme in this page's space (no programme here yet, and can edit the page). */
  canCreateProgramme: boolean;
  /** When canEdit is false: why not. */
  reason: import('./errors').DenialReason | null;
  /** May administer (settings) the programme of this space: a space administrator (decision 0022). */
  canAdminister: boolean;
}

/** One past import as the space page lists it (decision 0028): who, when, which file, how many cells, undone or not. */
export interface ImportListItem {
  importId: string;
  at: string;
  byName: string | null;
  fileName: string;
  /** Cells written (as previewed, for an import recorded before it was counted). */
  cells: number;
  created: number;
  undoneAt: string | null;
}

/** A programme as the space page lists it (decision 0022): no editors' names, so anyone who sees the space may read it. */
export interface ProgrammeAdminItem {
  id: string;
  name: string;
  description: string;
  stalenessDays: number;
  published: boolean;
  isExample: boolean;
  participantCount: number;
  /** Initiatives, archived ones included. */
  initiativeCount: number;
  /** The latest change of anything in the programme. */
  lastChangedAt: IsoDateTime | null;
  /** The version an administrator's settings change is checked against. */
  version: number;
  /** In programme order; retired ones are apart, and shown in no overview. */
  participants: Participant[];
  retiredParticipants: Participant[];
  /** The programme's milestone template, which new initiatives start from (decisions 0020, 0022). */
  milestoneTemplate: MilestoneTemplateItem[];
  /** Its initiatives in programme order, archived ones included: the history's initiative filter (decision 0030). */
  initiatives: Array<{ id: string; name: string; archived: boolean }>;
}

export interface ProgrammeAdminPage {
  spaceKey: string;
  programmes: ProgrammeAdminItem[];
  /** Whether this caller may change the settings here; when not, why not. */
  canAdminister: boolean;
  reason: import('./errors').DenialReason | null;
}

// ---------------------------------------------------------------- view models

/** Computed in the domain layer; the UI translates code + params. */
export type WarningCode =
  | 'required-need-open'
  | 'pilot-before-national-window'
  | 'broad-before-national-window'
  | 'active-without-contact'
  | 'pilot-end-before-start'
  | 'broad-end-before-start'
  | 'broad-before-pilot-end'
  | 'pilot-soon-needs-open'
  | 'pilot-start-passed'
  | 'broad-start-passed'
  | 'pilot-planned-without-contact'
  | 'pilot-soon-planning-open'
  | 'connection-step-overdue'
  | 'pilot-before-connection-ready';
export interface ConsistencyWarning {
  code: WarningCode;
  params: Record<string, string | number>;
}

export interface ProgrammeSummary {
  id: string;
  name: string;
  description: string;
  spaceKey: string;
  participants: Participant[];
  stalenessDays: number;
  published: boolean;
  isExample: boolean;
  /** The latest update of anything in the programme, for "Senast uppdaterad". */
  lastUpdatedAt: IsoDateTime | null;
}

/**
 * A cell as the overviews draw it: its plan, when it was updated, and whether it has details. Notes, links,
 * contacts and who changed it are details, read on demand with getDetails (decision 0017).
 */
export interface CellView extends RegionCell {
  regionCode: string;
  stale: boolean;
  warnings: ConsistencyWarning[];
  /** Required technical needs not done (and applicable) in this region. */
  openRequiredNeeds: number;
}

export interface InitiativeHeader extends InitiativeFields {
  id: string;
  order: number;
  archived: boolean;
  version: number;
  updatedAt: IsoDateTime | null;
  updatedByName: string | null;
  stale: boolean;
}

export interface RolloutStatusView {
  macro: 'rollout-status';
  rows: Array<{
    initiative: InitiativeHeader;
    /** In programme participant order, one per participant. */
    cells: CellView[];
    counts: Record<RolloutStatus, number>;
  }>;
  statusTotals: Record<RolloutStatus, number>;
  /** Entries older than the staleness threshold: "Behöver ses över". */
  stale: Array<{ initiativeId: string; regionCode: string | null; updatedAt: IsoDateTime | null }>;
}

export interface TechnicalNeedsView {
  macro: 'technical-needs';
  initiatives: Array<{
    initiative: InitiativeHeader;
    /**
     * One per participant, in programme order: its status, when it plans its pilot (a participant's to-do
     * list, shared/todo-list.ts, puts what is needed soonest first) and the consistency warnings, as the
     * status matrix shows them.
     */
    plans: Array<{ regionCode: string; status: RolloutStatus; pilotStart: YearMonth | null; warnings: ConsistencyWarning[] }>;
    needs: Array<
      Omit<TechnicalNeed, 'progress'> & {
        /** One per participant, in programme order. */
        progress: Array<{ regionCode: string; progress: NeedProgress; hasNote: boolean; updatedAt: IsoDateTime | null; stale: boolean }>;
        doneCount: number;
        applicableCount: number;
      }
    >;
  }>;
}

export interface SupportPlanView {
  macro: 'support-plan';
  initiatives: Array<{
    initiative: InitiativeHeader;
    milestones: Milestone[];
    milestonesDone: number;
    contacts: Array<{
      regionCode: string;
      established: boolean;
      since: string | null;
      /** Contacts (regional, national) are details, read on demand. */
      hasDetails: boolean;
      /** The connection process (decision 0026): null until the participant has a start. */
      connection: { start: string; done: number } | null;
    }>;
    contactsEstablished: number;
  }>;
}

export interface RoadmapView {
  macro: 'roadmap';
  /** The quarters the timeline spans, e.g. ['2026-Q1', '2026-Q2', ...]: the macro config's years (decision 0023). */
  quarters: string[];
  initiatives: Array<{
    initiative: InitiativeHeader;
    /** Planning milestones not done: with the regions' contact and open needs, what the window form
     * needs to preview every warning a plan would get (decision 0025). */
    planningOpen: number;
    regions: Array<{
      regionCode: string;
      pilotStart: YearMonth | null;
      pilotEnd: YearMonth | null;
      broadStart: YearMonth | null;
      broadEnd: YearMonth | null;
      status: RolloutStatus;
      contactEstablished: boolean;
      /** Required technical needs not done here. */
      openRequiredNeeds: number;
      warnings: ConsistencyWarning[];
    }>;
  }>;
}

export type MacroView = RolloutStatusView | TechnicalNeedsView | SupportPlanView | RoadmapView;

/**
 * Something the view could not show in full. 'unreadable-records': stored records that could not be read
 * were left out (the log names each one); the rest of the programme is shown as usual.
 */
export interface ViewNotice {
  code: 'unreadable-records';
  /** 'initiative': left out of the view; 'progress': that initiative's needs' progress is not shown. */
  entity: 'initiative' | 'progress';
  count: number;
  /** The keys of the first few such records (the initiative's id), so an administrator can find them. */
  keys?: string[];
}

export type ViewResponse =
  | { state: 'no-programme'; macro: MacroKey; config: MacroConfig; revision: string | null }
  | {
      state: 'ready';
      macro: MacroKey;
      config: MacroConfig;
      programme: ProgrammeSummary;
      view: MacroView;
      /** Changes on every write; the UI sends it back to know whether its copy is current. */
      revision: string;
      generatedAt: IsoDateTime;
      /** Present only when something could not be shown in full. */
      notices?: ViewNotice[];
    };

export interface ProgrammeListItem {
  id: string;
  name: string;
  spaceKey: string;
  published: boolean;
  isExample: boolean;
}

export interface CellWriteResult {
  initiativeId: string;
  regionCode: string;
  cell: CellView;
  /** The cell's details as saved, so an open popover or form shows them without another read. */
  details: CellDetails;
  initiativeVersion: number;
  revision: string;
}

/** The details of one initiative × participant. */
export interface DetailsEntry {
  initiativeId: string;
  regionCode: string;
  cell: CellDetails;
  /** By need id; only needs with a note. */
  needNotes: Record<string, string>;
  /** Which contacts the public sees (decision 0020); anonymous readers get only those contacts. */
  publicContacts?: PublicContacts;
}

export interface DetailsPage {
  entries: DetailsEntry[];
  /** More entries follow: call again with this cursor. */
  cursor: string | null;
  /**
   * For one cell, to signed-in readers: the latest recorded change (who changed the cell last lives in the
   * history). Null when nothing is recorded or the reader is anonymous.
   */
  lastChange?: { at: IsoDateTime; byName: string | null } | null;
}

/** A technical need as an initiative defines it; its progress is per participant. */
export type NeedDefinition = Omit<TechnicalNeed, 'progress'>;

/** A need added, edited or restored: the need as saved, and where it now is in the initiative's list. */
export interface NeedWriteResult {
  initiativeId: string;
  need: NeedDefinition;
  position: number;
  initiativeVersion: number;
  revision: string;
}

/** One participant's progress for one need, as saved. */
export interface NeedProgressEntry {
  regionCode: string;
  progress: NeedProgress;
  updatedAt: IsoDateTime | null;
  hasNote: boolean;
}

export interface NeedProgressWriteResult {
  initiativeId: string;
  needId: string;
  entry: NeedProgressEntry;
  /** The participant's note for this need as saved, so an open form shows it without another read. */
  note: string;
  /** The participant's cell as the status matrix draws it: its open required needs and warnings follow the progress. */
  cell: CellView;
  initiativeVersion: number;
  revision: string;
}

/** An initiative's milestones as saved (overview 3), in order. */
export interface MilestonesWriteResult {
  initiativeId: string;
  milestones: Milestone[];
  initiativeVersion: number;
  revision: string;
}

/** A participant's contact as saved: the cell as the views draw it, the details and which contacts are public. */
export interface ContactWriteResult extends CellWriteResult {
  publicContacts: PublicContacts;
}

/** A participant's connection process as saved: its start and steps done (null: not started). */
export interface ConnectionWriteResult {
  initiativeId: string;
  regionCode: string;
  connection: { start: string; done: number } | null;
  initiativeVersion: number;
  revision: string;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  cursor: string | null;
}

// ---------------------------------------------------------------- resolvers

/** Request payload and response data of every resolver. The response is always Result<response>. */
export interface ResolverContract {
  /** `includeArchived` (the editors' manage panel) adds archived initiatives whatever the macro's config says. */
  getView: { payload: { locale?: Locale; includeArchived?: boolean }; response: ViewResponse };
  getCapabilities: { payload: Record<string, never>; response: Capabilities };
  listProgrammes: { payload: Record<string, never>; response: ProgrammeListItem[] };
  createProgramme: { payload: CreateProgrammeInput; response: ProgrammeListItem };
  upsertInitiative: { payload: UpsertInitiativeInput; response: { initiative: InitiativeHeader; revision: string } };
  setInitiativeArchived: { payload: SetInitiativeArchivedInput; response: { initiative: InitiativeHeader; revision: string } };
  reorderInitiatives: { payload: ReorderInitiativesInput; response: { revision: string } };
  updateCell: { payload: UpdateCellInput; response: CellWriteResult };
  bulkUpdateCells: { payload: BulkUpdateCellsInput; response: { cells: CellView[]; initiativeVersion: number; revision: string } };
  getHistory: { payload: GetHistoryInput; response: HistoryPage };
  /**
   * The programme's history (decision 0030), for signed-in licensed users who may read the programme: filtered
   * by initiative, participant, user and time range through indexes, newest first, a page at a time (at most
   * 2 MB; a page may end early, even empty, with a cursor, when a rare filter has read its share of storage).
   */
  getProgrammeHistory: { payload: GetProgrammeHistoryInput; response: HistoryPage };
  /** "What changed since": the same filtered history grouped by initiative → participant, bounded (decision 0030). */
  getHistoryDigest: { payload: GetHistoryDigestInput; response: HistoryDigest };
  /**
   * Removes one value from a history entry (personal data written by mistake), recording who and when;
   * `entry` is the entry as readers now see it. The cell's current value is not touched.
   */
  redactHistory: { payload: RedactHistoryInput; response: { entry: HistoryEntry; revision: string } };
  /**
   * Details on demand: one cell (initiativeId + regionCode), one initiative's participants (initiativeId),
   * one participant across the programme (regionCode), or the whole programme (neither; the CSV export).
   * Paged: a page stays far below Forge's 5 MB response limit whatever the notes hold.
   */
  getDetails: { payload: GetDetailsInput; response: DetailsPage };
  /** Add a need (at most 12 per initiative) or edit one (field-level conflict rule). */
  upsertNeed: { payload: UpsertNeedInput; response: NeedWriteResult };
  reorderNeeds: { payload: ReorderNeedsInput; response: { initiativeId: string; needIds: string[]; initiativeVersion: number; revision: string } };
  /** Removes a need and its progress; `historyId` names the recorded removal, which restoreNeed undoes. */
  removeNeed: { payload: RemoveNeedInput; response: { initiativeId: string; needId: string; historyId: string | null; initiativeVersion: number; revision: string } };
  restoreNeed: { payload: RestoreNeedInput; response: NeedWriteResult };
  updateNeedProgress: { payload: UpdateNeedProgressInput; response: NeedProgressWriteResult };
  /** Tick or untick (with the day done), plan, note or rename one milestone (field-level conflict rule). */
  updateMilestone: { payload: UpdateMilestoneInput; response: MilestonesWriteResult & { milestoneId: string } };
  /** Adds a milestone last in its phase (at most 30 per initiative). */
  addMilestone: { payload: AddMilestoneInput; response: MilestonesWriteResult & { milestoneId: string } };
  reorderMilestones: { payload: ReorderMilestonesInput; response: MilestonesWriteResult };
  /** Removes a milestone; `historyId` names the recorded removal, which restoreMilestone undoes. */
  removeMilestone: { payload: RemoveMilestoneInput; response: MilestonesWriteResult & { milestoneId: string; historyId: string | null } };
  restoreMilestone: { payload: RestoreMilestoneInput; response: MilestonesWriteResult & { milestoneId: string } };
  /** Adds the milestones of a template the initiative does not have yet; `added` lists them (none: nothing written). */
  applyTemplate: { payload: ApplyTemplateInput; response: MilestonesWriteResult & { added: string[] } };
  /** Replaces the programme's milestone template (on the version the editor saw); initiatives keep their milestones. */
  setMilestoneTemplate: { payload: SetMilestoneTemplateInput; response: { milestoneTemplate: MilestoneTemplateItem[]; programmeVersion: number; revision: string } };
  /** A participant's contact: established, since, regional and national contact, and whether each is public. */
  updateContact: { payload: UpdateContactInput; response: ContactWriteResult };
  bulkUpdateContacts: { payload: BulkUpdateContactsInput; response: { cells: CellView[]; initiativeVersion: number; revision: string } };
  /** A participant's connection process: its start day (planned days follow) and the steps done. */
  updateConnection: { payload: UpdateConnectionInput; response: ConnectionWriteResult };
  /** The space page: the space's programmes, and whether the caller administers them (decision 0022). */
  getProgrammeAdmin: { payload: Record<string, never>; response: ProgrammeAdminPage };
  /** A space administrator changes a programme's settings (field-level conflict rule), recorded in the history. */
  updateProgrammeSettings: { payload: UpdateProgrammeSettingsInput; response: { programme: ProgrammeAdminItem; revision: string } };
  /** A space administrator adds, renames, retires or reinstates a participant; nothing of its history is deleted. */
  updateParticipant: { payload: UpdateParticipantInput; response: { programme: ProgrammeAdminItem; revision: string } };
  /** A space administrator previews a part of a CSV import: the cells it changes (old → new), how many stay, and what cannot be matched. */
  previewImport: {
    payload: PreviewImportInput;
    /** `lines`: a cell lines file's changed cells, field by field (decision 0031). */
    response: { changes: ImportDiffLine[]; unchanged: number; problems: ImportProblem[]; created: ImportNewInitiative[]; lines?: ImportLineDiff[] };
  };
  /**
   * Applies a part of a confirmed import preview: creates the initiatives named in `create` (answering their
   * ids; one the programme has by now is answered, not made twice), then the cells; a cell changed since the
   * preview is a CONFLICT and that part writes nothing.
   */
  applyImport: { payload: ApplyImportInput; response: { applied: number; revision: string; created: Array<{ name: string; initiativeId: string }> } };
  /**
   * Undoes an import a few parts at a time (call again while `more`); cells edited since are left and listed.
   * Initiatives it created are archived once their cells are back, unless someone worked on them since (`kept`).
   */
  undoImport: {
    payload: UndoImportInput;
    response: { restored: number; refused: ImportRefusedCell[]; refusedFields?: ImportRefusedField[]; archived: number; kept: string[]; more: boolean; revision: string };
  };
  /** A page of a programme's imports, newest first, for the space page's list with undo per import. */
  listImports: { payload: ListImportsInput; response: { imports: ImportListItem[]; cursor: string | null } };
  /** A space administrator downloads one page of a programme's backup (decision 0029); the browser assembles the file. */
  getBackupPart: { payload: GetBackupPartInput; response: BackupPage };
  /** A space administrator restores a backup into a space without a programme: check (dry run), write, finish. */
  restoreBackup: { payload: RestoreBackupInput; response: RestoreStepResult };
  bulkUpdateNeedProgress: {
    payload: BulkUpdateNeedProgressInput;
    response: { initiativeId: string; needId: string; entries: NeedProgressEntry[]; cells: CellView[]; initiativeVersion: number; revision: string };
  };
}

export type ResolverName = keyof ResolverContract;
export type ResolverPayload<N extends ResolverName> = ResolverContract[N]['payload'];
export type ResolverResponse<N extends ResolverName> = Result<ResolverContract[N]['response']>;

/**
 * Responses that travel in a compact form (see view-wire.ts): the resolver packs them, the UI's invoke
 * unpacks them, and everything else sees only ResolverContract's types.
 */
export interface WireForms {
  getView: WireViewResponse;
}
/** The response data of a resolver as it is on the wire. */
export type ResolverWire<N extends ResolverName> = N extends keyof WireForms ? WireForms[N] : ResolverContract[N]['response'];
export type ResolverWireResponse<N extends ResolverName> = Result<ResolverWire<N>>;

/** The runtime list of resolver names, checked against ResolverContract at compile time. */
export const RESOLVER_NAMES = [
  'getView',
  'getCapabilities',
  'listProgrammes',
  'createProgramme',
  'upsertInitiative',
  'setInitiativeArchived',
  'reorderInitiatives',
  'updateCell',
  'bulkUpdateCells',
  'getHistory',
  'getProgrammeHistory',
  'getHistoryDigest',
  'getDetails',
  'upsertNeed',
  'reorderNeeds',
  'removeNeed',
  'restoreNeed',
  'updateNeedProgress',
  'bulkUpdateNeedProgress',
  'updateMilestone',
  'addMilestone',
  'reorderMilestones',
  'removeMilestone',
  'restoreMilestone',
  'applyTemplate',
  'setMilestoneTemplate',
  'updateContact',
  'bulkUpdateContacts',
  'updateConnection',
  'redactHistory',
  'getProgrammeAdmin',
  'updateProgrammeSettings',
  'updateParticipant',
  'previewImport',
  'applyImport',
  'undoImport',
  'listImports',
  'getBackupPart',
  'restoreBackup',
] as const satisfies ReadonlyArray<ResolverName>;

type MissingNames = Exclude<ResolverName, (typeof RESOLVER_NAMES)[number]>;
// Fails to compile if a resolver is added to the contract but not to RESOLVER_NAMES.
export const _allResolversListed: MissingNames extends never ? true : never = true;

/** Resolvers that change data; each must authorise a write on every call. */
export const MUTATING_RESOLVERS = [
  'createProgramme',
  'upsertInitiative',
  'setInitiativeArchived',
  'reorderInitiatives',
  'updateCell',
  'bulkUpdateCells',
  'upsertNeed',
  'reorderNeeds',
  'removeNeed',
  'restoreNeed',
  'updateNeedProgress',
  'bulkUpdateNeedProgress',
  'updateMilestone',
  'addMilestone',
  'reorderMilestones',
  'removeMilestone',
  'restoreMilestone',
  'applyTemplate',
  'setMilestoneTemplate',
  'updateContact',
  'bulkUpdateContacts',
  'updateConnection',
  'redactHistory',
  'updateProgrammeSettings',
  'updateParticipant',
  'applyImport',
  'undoImport',
  'restoreBackup',
] as const satisfies ReadonlyArray<ResolverName>;

export type { CellFields, Initiative, Programme };
