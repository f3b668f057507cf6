/** What every exported overview has: title, "last updated", the example-data note, the warnings list. */
import type { ConsistencyWarning, ProgrammeSummary } from '../shared/contract';
import type { Participant } from '../shared/model';
import type { ParticipantDetails } from '../shared/model';
import type { MacroConfig } from '../shared/schemas';
import { label, MACRO_TITLES, type Locale, type MacroKey } from '../shared/vocabulary';
import { bulletList, heading, panel, paragraph, type AdfNode } from './adf';
import { exportTexts, warningSentence } from './export-texts';
import { DEFAULT_TIME_ZONE, formatInstant } from './format';

export interface ExportOptions {
  /** IANA zone for "last updated"; the viewer's zone when the export context has one. */
  timeZone?: string;
  /** The macro's table orientation; only the rollout-status matrix has two. */
  layout?: MacroConfig['layout'];
  /**
   * The perspective the page shows, once resolved (a region or an initiative is chosen): the rollout-status
   * export then has the page's list, one line per initiative or per region, instead of the matrix.
   */
  perspective?: MacroConfig['perspective'];
  /**
   * The participants' details (notes, links, contacts), when the export includes them. Absent: the document
   * shows what the views draw only.
   */
  details?: DetailsLookup;
}

/** Details by initiative and participant code; undefined when none are stored. */
export type DetailsLookup = (initiativeId: string, regionCode: string) => ParticipantDetails | undefined;

/** A long warnings list would bury the document; the page itself has the full list. */
export const MAX_LISTED_WARNINGS = 100;

export function documentHead(macro: MacroKey, programme: ProgrammeSummary, locale: Locale, options: ExportOptions): AdfNode[] {
  const t = exportTexts(locale);
  const updated = programme.lastUpdatedAt
    ? `${t.lastUpdated}: ${formatInstant(programme.lastUpdatedAt, options.timeZone ?? DEFAULT_TIME_ZONE)}`
    : `${t.lastUpdated}: ${t.neverUpdated}`;
  const nodes: AdfNode[] = [heading(2, `${label(MACRO_TITLES, macro, locale)} – ${programme.name}`), paragraph(updated)];
  if (programme.isExample) nodes.push(panel('note', paragraph(t.exampleData)));
  return nodes;
}

export function participantsByCode(programme: ProgrammeSummary): Map<string, Participant> {
  return new Map(programme.participants.map((p) => [p.code, p]));
}

/** The participant's short name for narrow column headers, falling back to the code. */
export function shortName(participants: Map<string, Participant>, code: string): string {
  const p = participants.get(code);
  return p ? p.short || p.name : code;
}

export function fullName(participants: Map<string, Participant>, code: string): string {
  const p = participants.get(code);
  return p ? p.name || p.short : code;
}

export interface LocatedWarning {
  initiativeName: string;
  regionName: string;
  warning: ConsistencyWarning;
}

/** "Att uppmärksamma": each warning as "Initiative – Region: sentence". Nothing when there are none. */
export function warningsSection(warnings: LocatedWarning[], locale: Locale, level: 3 | 4 = 3): AdfNode[] {
  if (warnings.length === 0) return [];
  const t = exportTexts(locale);
  const listed = warnings.slice(0, MAX_LISTED_WARNINGS);
  const nodes: AdfNode[] = [
    heading(level, t.pointsToNote),
    bulletList(
      listed.map(({ initiativeName, regionName, warning }) => [
        paragraph(`${initiativeName} – ${regionName}: ${warningSentence(warning, locale)}`),
      ]),
    ),
  ];
  if (warnings.length > listed.length) nodes.push(paragraph(t.andMore(warnings.length - listed.length)));
  return nodes;
}
