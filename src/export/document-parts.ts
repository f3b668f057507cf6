/** What every exported overview has: title, "last updated", the example-data note, the warnings list. */
import type { ConsistencyWarning, MacroView, ProgrammeSummary, WarningCode } from '../shared/contract';
import type { Participant, YearMonth } from '../shared/model';
import type { ParticipantDetails } from '../shared/model';
import type { MacroConfig } from '../shared/schemas';
import { monthToQuarter } from '../domain/quarters';
import { label, MACRO_TITLES, type Locale, type MacroKey } from '../shared/vocabulary';
import { bulletList, heading, panel, paragraph, text, type AdfNode } from './adf';
import { exportTexts, WARNING_CODES, warningGroupTitle, warningSentence } from './export-texts';
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

/** Marks a stale entry (older than the programme's staleness threshold); the legend explains it. */
export const STALE_MARK = ' *';

// ---------------------------------------------------------------- the grouped form

/**
 * The most participants an export gives one column or row each. Beyond it, every export switches to the
 * grouped form: per initiative, counts and the participants' short names grouped by status, progress or
 * quarter, a few paragraphs per initiative instead of a row per participant.
 *
 * Why 30: it is where the page itself starts paging its matrix (PARTICIPANT_PAGE_SIZE in the UI), and about
 * as many narrow columns as a landscape page holds. The 21 regions keep the full matrix. 290 municipalities
 * do not: a 290-column matrix cannot be read on paper, and at 50 initiatives the rollout-status export was
 * 1.8 MB of ADF and the roadmap 8.4 MB, where Forge documents no limit for adfExport output (decision 0017).
 * The grouped form never carries details (links, contacts, notes): the page shows them per participant.
 */
export const MAX_PARTICIPANTS_ONE_BY_ONE = 30;

export function groupsParticipants(participantCount: number): boolean {
  return participantCount > MAX_PARTICIPANTS_ONE_BY_ONE;
}

/** How many participants the view draws per initiative (every initiative draws the same ones). */
export function viewParticipantCount(view: MacroView): number {
  switch (view.macro) {
    case 'rollout-status':
      return view.rows[0]?.cells.length ?? 0;
    case 'technical-needs':
      return view.initiatives.find((i) => i.needs.length > 0)?.needs[0].progress.length ?? 0;
    case 'support-plan':
      return view.initiatives[0]?.contacts.length ?? 0;
    case 'roadmap':
      return view.initiatives[0]?.regions.length ?? 0;
    default: {
      const unknown: never = view;
      throw new Error(`Unknown view: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Tells the reader why the document does not look like the page. */
export function groupedNote(participantCount: number, locale: Locale): AdfNode {
  return paragraph(exportTexts(locale).groupedParticipants(participantCount));
}

/**
 * One group of participants as one paragraph: "**Pilot (tidigt införande)**: 48 av 290 – Ale, Alingsås, …".
 * `names: false` gives the count only ("**Klar**: 120 av 290").
 */
export function participantGroup(title: string, names: readonly string[], of: number, locale: Locale, options: { names?: boolean } = {}): AdfNode {
  const listed = options.names !== false && names.length > 0 ? ` – ${names.join(', ')}` : '';
  return paragraph(text(title, { strong: true }), `: ${exportTexts(locale).countOf(names.length, of)}${listed}`);
}

/** Collects names under keys, keeping first-seen order within a key. */
export function collect<K>(entries: Iterable<{ key: K; name: string }>): Map<K, string[]> {
  const groups = new Map<K, string[]>();
  for (const { key, name } of entries) {
    const names = groups.get(key);
    if (names) names.push(name);
    else groups.set(key, [name]);
  }
  return groups;
}

/**
 * Participants grouped by the quarter a month falls in, earliest quarter first, then those with no month:
 * "**2026-Q1**: 34 av 290 – …", "**Inte planerad**: 3 av 290 – …".
 */
export function quarterGroups(entries: ReadonlyArray<{ name: string; month: YearMonth | null }>, locale: Locale): AdfNode[] {
  const t = exportTexts(locale);
  const groups = collect(entries.map(({ name, month }) => ({ key: month ? monthToQuarter(month) : null, name })));
  const quarters = [...groups.keys()].filter((q): q is string => q !== null).sort();
  const nodes = quarters.map((q) => participantGroup(q, groups.get(q)!, entries.length, locale));
  const unplanned = groups.get(null);
  if (unplanned) nodes.push(participantGroup(t.notPlanned, unplanned, entries.length, locale));
  return nodes;
}

/**
 * One initiative's consistency warnings, grouped by kind: "Att uppmärksamma", then per kind the count and,
 * for the kinds in `namesFor`, the participants' names. Nothing when there are none.
 */
export function warningGroups(
  entries: ReadonlyArray<{ name: string; warnings: ReadonlyArray<ConsistencyWarning> }>,
  locale: Locale,
  namesFor: ReadonlySet<WarningCode>,
): AdfNode[] {
  const groups = collect(entries.flatMap(({ name, warnings }) => warnings.map((w) => ({ key: w.code, name }))));
  if (groups.size === 0) return [];
  return [
    heading(4, exportTexts(locale).pointsToNote),
    ...WARNING_CODES.filter((code) => groups.has(code)).map((code) =>
      participantGroup(warningGroupTitle(code, locale), groups.get(code)!, entries.length, locale, { names: namesFor.has(code) }),
    ),
  ];
}
