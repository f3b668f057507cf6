/**
 * The stored domain model. Storage keeps exactly these shapes (storage may encode them more compactly);
 * domain builds view models from them; resolvers validate changes to them with the schemas in schemas.ts.
 */
import type { InitiativeKind, NeedCategory, NeedProgress, Phase, RolloutStatus, RolloutType } from './vocabulary';

/** Month precision for plans: 'YYYY-MM'. */
export type YearMonth = string;
/** Day precision for "contact since": 'YYYY-MM-DD'. */
export type IsoDate = string;
/** Instants: full ISO 8601 in UTC, e.g. '2026-11-22T10:15:00.000Z'. */
export type IsoDateTime = string;

/** A participant of a programme: by default one of the 21 regions; the list is data, not code. */
export interface Participant {
  /** Stable key, e.g. the two-digit county code '01'. */
  code: string;
  name: string;
  short: string;
  iso?: string;
  /**
   * The group the overviews may fold the participant into: for a municipality its county code ('01'), so
   * municipalities roll up by county (decision 0027). Absent: not grouped (regions, custom lists).
   */
  group?: string;
}

export interface MilestoneTemplateItem {
  id: string;
  phase: Phase;
  title: string;
}

export interface Programme {
  id: string;
  /** The Confluence space that owns the programme. Writes only happen from pages in this space. */
  spaceKey: string;
  name: string;
  description: string;
  participants: Participant[];
  /**
   * Participants an administrator retired (decision 0022): gone from every view, their cells, details and
   * history kept, so they can be reinstated. Absent: none.
   */
  retiredParticipants?: Participant[];
  milestoneTemplate: MilestoneTemplateItem[];
  /** Entries not updated for this many days are marked stale ("Behöver ses över"). */
  stalenessDays: number;
  /** Published programmes are readable from pages in other spaces. */
  published: boolean;
  /** True for the demo/example dataset, which the UI marks as example data. */
  isExample: boolean;
  createdAt: IsoDateTime;
  createdBy: string;
  updatedAt: IsoDateTime;
  updatedBy: string;
  version: number;
}

/** The editable fields of one initiative × participant cell. Flat, so conflicts and history are per field. */
export interface CellFields {
  status: RolloutStatus;
  note: string;
  link: string | null;
  pilotStart: YearMonth | null;
  pilotEnd: YearMonth | null;
  broadStart: YearMonth | null;
  broadEnd: YearMonth | null;
  contactEstablished: boolean;
  contactSince: IsoDate | null;
  regionalContact: string;
  nationalContact: string;
}
export type CellField = keyof CellFields;

export interface Stamp {
  updatedAt: IsoDateTime | null;
  /** Atlassian account id of the last editor. */
  updatedBy: string | null;
  /** The editor's display name as it was when they saved (an audit snapshot). */
  updatedByName: string | null;
}

/**
 * The details of a cell: what a reader sees on demand (popover, form, export), never in the overviews
 * themselves. They are stored apart from what the overviews draw (decision 0017), so that a view of 290
 * participants reads and sends only statuses, plans and flags.
 */
export const CELL_DETAIL_FIELDS = ['note', 'link', 'regionalContact', 'nationalContact'] as const;
export type CellDetailField = (typeof CELL_DETAIL_FIELDS)[number];
export type CellDetails = Pick<CellFields, CellDetailField>;
/** The fields of a cell that the overviews draw. */
export type CellPlan = Omit<CellFields, CellDetailField>;

/**
 * A cell as the overviews see it. Who changed it is in the history; when is kept here (day precision, as
 * the domain asks for "updated"), because staleness is drawn in every view.
 */
export interface RegionCell extends CellPlan {
  updatedAt: IsoDateTime | null;
  /** True when a note, link or contact is set: the details say more than the view shows. */
  hasDetails: boolean;
  /**
   * True when every detail is a contact not marked public (decision 0020): the public then has nothing to
   * read, and its views must not even show that details exist. Absent: false.
   */
  detailsPrivate?: boolean;
}

export interface NeedRegionProgress {
  progress: NeedProgress;
  updatedAt: IsoDateTime | null;
  /** True when the participant wrote a note for this need (the note itself is a detail). */
  hasNote: boolean;
}

export interface TechnicalNeed {
  id: string;
  title: string;
  category: NeedCategory;
  required: boolean;
  description: string;
  link: string | null;
  /** By participant code; a missing entry means not started. */
  progress: Record<string, NeedRegionProgress>;
}

/** What the overviews that draw no need progress still need of it, derived whenever the initiative is written. */
export interface NeedProgressSummary {
  /** Ids of the required needs not done (nor not applicable), per participant; a participant left out has every required need open. */
  openRequired: Record<string, string[]>;
  /** The latest update of any progress entry. */
  updatedAt: IsoDateTime | null;
}

/** Everything about one initiative × participant that is read on demand: the cell's details and each need's note. */
export interface ParticipantDetails {
  cell: CellDetails;
  /** By need id; a missing entry means no note. */
  needNotes: Record<string, string>;
  /**
   * Which of the cell's contacts anonymous readers may see (decision 0020). Absent or false: not public, so a
   * person's name or e-mail address is never published unless an editor chose to.
   */
  publicContacts?: PublicContacts;
}

/** Per contact of a cell, whether it is shown to the public (anonymous readers and exports). */
export interface PublicContacts {
  regional: boolean;
  national: boolean;
}

export interface Milestone {
  id: string;
  phase: Phase;
  title: string;
  done: boolean;
  dueMonth: YearMonth | null;
  doneOn: IsoDate | null;
  /** A short note (at most LIMITS.shortText characters); absent or '' when none. */
  note?: string;
  /**
   * A step of a per-participant process (the connection process, shared/process-templates.ts): the week it is
   * planned for, counted from the participant's start (0–52). Absent for the rollout model's milestones.
   */
  weekOffset?: number | null;
}

/** The editable details of an initiative (project, service or assignment). */
export interface InitiativeFields {
  name: string;
  kind: InitiativeKind;
  summary: string;
  infoLink: string | null;
  contact: string;
  rolloutType: RolloutType | null;
  phase: Phase | null;
  nationalPilotStart: YearMonth | null;
  nationalPilotEnd: YearMonth | null;
  nationalBroadStart: YearMonth | null;
  nationalBroadEnd: YearMonth | null;
}
export type InitiativeField = keyof InitiativeFields;

/**
 * What the overviews draw of one initiative: its fields, milestones, needs and, per participant, the cell's
 * plan and each need's progress. One stored record per initiative, so that a whole programme is one paged
 * index query; the participants' details (ParticipantDetails) are stored apart (decision 0017).
 */
export interface Initiative extends InitiativeFields, Stamp {
  id: string;
  programmeId: string;
  order: number;
  archived: boolean;
  /** By participant code; a missing entry means a default (not started, empty) cell. */
  cells: Record<string, RegionCell>;
  needs: TechnicalNeed[];
  milestones: Milestone[];
  /**
   * Present when the needs' per-participant progress was not read (the overviews that do not draw it):
   * then every `needs[].progress` is empty and this says what those overviews still need of it.
   */
  progressSummary?: NeedProgressSummary;
  /**
   * The per-participant connection process (decision 0026): by participant code, the start and the steps
   * done. Absent, or a participant missing: not started.
   */
  connection?: Record<string, ConnectionProgress>;
  createdAt: IsoDateTime;
  createdBy: string;
  version: number;
}

/** One participant's connection process: its start day and the steps done (bit n-1 for step n). */
export interface ConnectionProgress {
  start: IsoDate;
  done: number;
}

export type HistoryTargetKind = 'programme' | 'initiative' | 'cell' | 'need' | 'need-progress' | 'milestone';
export type HistoryAction = 'create' | 'update' | 'archive' | 'restore' | 'reorder' | 'delete';

export interface HistoryChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** One recorded change: who, when, what, old and new value. */
export interface HistoryEntry {
  id: string;
  programmeId: string;
  initiativeId: string | null;
  regionCode: string | null;
  needId: string | null;
  /** The milestone a 'milestone' entry is about; absent otherwise. */
  milestoneId?: string;
  target: HistoryTargetKind;
  action: HistoryAction;
  at: IsoDateTime;
  by: string;
  byName: string | null;
  changes: HistoryChange[];
  /**
   * Values removed from this entry by an editor (personal data written by mistake): the value itself is
   * overwritten with null in storage; this records who removed which one, and when. Absent: none.
   */
  redactions?: HistoryRedaction[];
  /**
   * The CSV import that wrote this entry (decision 0028): every entry of one import carries its id, so the
   * import reads as one change and can be undone. `importUndo` marks the entries its undo wrote. Absent: an edit.
   */
  importId?: string;
  importUndo?: true;
}

/** Which value of a change: the one before it, or the one it set. */
export type HistorySide = 'old' | 'new';

/** A value removed from the history: which field and side, who removed it and when; never the value. */
export interface HistoryRedaction {
  field: string;
  side: HistorySide;
  at: IsoDateTime;
  by: string;
  byName: string | null;
}

/**
 * An initiative with every participant's details inline: how the demo data, the benchmarks and imports
 * describe one. Storage splits it into what the views draw and the details (domain/details.ts).
 */
export interface InitiativeWithDetails extends Omit<Initiative, 'cells' | 'needs'> {
  /** `publicContacts`: which of the cell's contacts are public (decision 0020); absent: none. */
  cells: Record<string, CellFields & { updatedAt: IsoDateTime | null; publicContacts?: PublicContacts }>;
  needs: Array<
    Omit<TechnicalNeed, 'progress'> & { progress: Record<string, { progress: NeedProgress; note: string; updatedAt: IsoDateTime | null }> }
  >;
}

export const DEFAULT_CELL: Readonly<CellFields> = Object.freeze({
  status: 'not-started',
  note: '',
  link: null,
  pilotStart: null,
  pilotEnd: null,
  broadStart: null,
  broadEnd: null,
  contactEstablished: false,
  contactSince: null,
  regionalContact: '',
  nationalContact: '',
});

export const CELL_FIELDS = Object.keys(DEFAULT_CELL) as CellField[];
export const INITIATIVE_FIELDS: InitiativeField[] = [
  'name',
  'kind',
  'summary',
  'infoLink',
  'contact',
  'rolloutType',
  'phase',
  'nationalPilotStart',
  'nationalPilotEnd',
  'nationalBroadStart',
  'nationalBroadEnd',
];

export const DEFAULT_CELL_DETAILS: Readonly<CellDetails> = Object.freeze(detailsOf(DEFAULT_CELL));

/** A cell nobody has touched: what a missing entry stands for. */
export const DEFAULT_REGION_CELL: Readonly<RegionCell> = Object.freeze({ ...planOf(DEFAULT_CELL), updatedAt: null, hasDetails: false });

export const DEFAULT_NEED_PROGRESS: Readonly<NeedRegionProgress> = Object.freeze({
  progress: 'not-started',
  updatedAt: null,
  hasNote: false,
});

export function hasAnyDetail(details: CellDetails): boolean {
  return CELL_DETAIL_FIELDS.some((field) => details[field] !== DEFAULT_CELL_DETAILS[field]);
}

/** Details, but none the public may read: only contacts not marked public (decision 0020). */
export function onlyPrivateDetails(details: CellDetails, publicContacts: Partial<PublicContacts> | undefined): boolean {
  if (!hasAnyDetail(details)) return false;
  const shownToPublic = {
    ...details,
    regionalContact: publicContacts?.regional ? details.regionalContact : DEFAULT_CELL_DETAILS.regionalContact,
    nationalContact: publicContacts?.national ? details.nationalContact : DEFAULT_CELL_DETAILS.nationalContact,
  };
  return !hasAnyDetail(shownToPublic);
}

/** The cell's `detailsPrivate` flag, spread into a RegionCell: left out when false, as storage leaves it out. */
export function privacyFlagOf(details: CellDetails, publicContacts: Partial<PublicContacts> | undefined): Pick<RegionCell, 'detailsPrivate'> {
  return onlyPrivateDetails(details, publicContacts) ? { detailsPrivate: true } : {};
}

export function planOf(cell: CellPlan): CellPlan {
  return {
    status: cell.status,
    pilotStart: cell.pilotStart,
    pilotEnd: cell.pilotEnd,
    broadStart: cell.broadStart,
    broadEnd: cell.broadEnd,
    contactEstablished: cell.contactEstablished,
    contactSince: cell.contactSince,
  };
}

export function detailsOf(cell: CellDetails): CellDetails {
  return { note: cell.note, link: cell.link, regionalContact: cell.regionalContact, nationalContact: cell.nationalContact };
}

/**
 * Splits an initiative described with every detail inline (demo data, benchmarks, imports) into what the
 * overviews draw and the per-participant details that are stored apart (decision 0017). Only participants
 * with at least one detail get an entry.
 */
export function splitDetails(full: InitiativeWithDetails): { initiative: Initiative; details: Map<string, ParticipantDetails> } {
  const details = new Map<string, ParticipantDetails>();
  const entry = (code: string) => {
    let d = details.get(code);
    if (!d) {
      d = { cell: { ...DEFAULT_CELL_DETAILS }, needNotes: {} };
      details.set(code, d);
    }
    return d;
  };
  const cells: Initiative['cells'] = {};
  for (const [code, cell] of Object.entries(full.cells)) {
    const cellDetails = detailsOf(cell);
    const hasDetails = hasAnyDetail(cellDetails);
    if (hasDetails) entry(code).cell = cellDetails;
    if (cell.publicContacts && (cell.publicContacts.regional || cell.publicContacts.national)) entry(code).publicContacts = { ...cell.publicContacts };
    cells[code] = { ...planOf(cell), updatedAt: cell.updatedAt, hasDetails, ...privacyFlagOf(cellDetails, cell.publicContacts) };
  }
  const needs = full.needs.map((need) => {
    const progress: TechnicalNeed['progress'] = {};
    for (const [code, p] of Object.entries(need.progress)) {
      if (p.note !== '') entry(code).needNotes[need.id] = p.note;
      progress[code] = { progress: p.progress, updatedAt: p.updatedAt, hasNote: p.note !== '' };
    }
    return { ...need, progress };
  });
  return { initiative: { ...full, cells, needs }, details };
}

/** A need still to be done in a participant: neither done nor marked not applicable (no entry: not started). */
export function isNeedOpen(entry: Pick<NeedRegionProgress, 'progress'> | undefined): boolean {
  return entry === undefined || (entry.progress !== 'done' && entry.progress !== 'not-applicable');
}
