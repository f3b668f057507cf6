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

export type RegionCell = CellFields & Stamp;

export interface NeedRegionProgress extends Stamp {
  progress: NeedProgress;
  note: string;
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

export interface Milestone {
  id: string;
  phase: Phase;
  title: string;
  done: boolean;
  dueMonth: YearMonth | null;
  doneOn: IsoDate | null;
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
 * The aggregate: one stored record per initiative, holding its cells, needs and milestones, so that a
 * whole programme is one paged index query.
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
  createdAt: IsoDateTime;
  createdBy: string;
  version: number;
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
  target: HistoryTargetKind;
  action: HistoryAction;
  at: IsoDateTime;
  by: string;
  byName: string | null;
  changes: HistoryChange[];
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
