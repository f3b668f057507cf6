/**
 * "What changed since <date>" (decision 0030): the programme's history in the filtered range, grouped by
 * initiative → participant, with each field's net change (the value before the first change in the range →
 * the value after the last). The server builds it (src/domain/history-digest.ts) from the same filtered
 * query as the history list; here are its shape and its plain text in Swedish and English, so the space page
 * shows and copies the same words an editor pastes into a steering-group report. Pure, zod-free.
 */
import { label, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale, type RolloutStatus } from './vocabulary';

/** How much one digest reads and carries: bounded, and says so when the range held more. */
export const DIGEST_LIMITS = {
  /** Changes read at most (newest first): a digest of a longer range is marked truncated. */
  entries: 2000,
  /** Storage pages read at most (a rare filter over a long history). */
  pages: 40,
  /** A text value is cut to this many characters (notes and summaries are long; the report wants the gist). */
  valueChars: 160,
} as const;

export interface DigestFieldChange {
  field: string;
  /** The need or milestone the change is about, by its title; absent for cell, initiative and programme fields. */
  subject?: string;
  /** The value before the first change in the range, and after the last; texts cut to DIGEST_LIMITS.valueChars. */
  old: unknown;
  new: unknown;
  /** How many recorded changes of this field the range holds. */
  changes: number;
}

export interface DigestParticipant {
  /** Null: changes of the initiative itself (or of the programme), not of one participant. */
  regionCode: string | null;
  name: string | null;
  changes: number;
  lastAt: string;
  /** Who made them (display names as recorded; null names left out). */
  byNames: string[];
  fields: DigestFieldChange[];
}

export interface DigestInitiative {
  /** Null: the programme's own changes (settings, participants, order). */
  initiativeId: string | null;
  name: string | null;
  changes: number;
  participants: DigestParticipant[];
}

export interface HistoryDigest {
  programmeName: string;
  from: string;
  to: string | null;
  /** The filter in words, as the server resolved it (names, not ids). */
  filter: { initiative: string | null; participant: string | null; user: string | null };
  /** Changes summarised. */
  changes: number;
  /** The range held more changes than DIGEST_LIMITS.entries (or than one call reads): the oldest are not in it. */
  truncated: boolean;
  initiatives: DigestInitiative[];
}

const FIELD_LABELS: Record<string, Record<Locale, string>> = {
  status: { sv: 'Status', en: 'Status' },
  note: { sv: 'Anteckning', en: 'Note' },
  link: { sv: 'Länk', en: 'Link' },
  pilotStart: { sv: 'Pilotstart', en: 'Pilot start' },
  pilotEnd: { sv: 'Pilotslut', en: 'Pilot end' },
  broadStart: { sv: 'Breddinförande, start', en: 'Broad rollout, start' },
  broadEnd: { sv: 'Breddinförande, slut', en: 'Broad rollout, end' },
  contactEstablished: { sv: 'Kontakt etablerad', en: 'Contact established' },
  contactSince: { sv: 'Kontakt sedan', en: 'Contact since' },
  regionalContact: { sv: 'Regional kontakt', en: 'Regional contact' },
  nationalContact: { sv: 'Nationell kontakt', en: 'National contact' },
  name: { sv: 'Namn', en: 'Name' },
  kind: { sv: 'Typ', en: 'Kind' },
  summary: { sv: 'Sammanfattning', en: 'Summary' },
  infoLink: { sv: 'Mer information', en: 'More information' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  rolloutType: { sv: 'Införandetyp', en: 'Rollout type' },
  phase: { sv: 'Fas', en: 'Phase' },
  nationalPilotStart: { sv: 'Nationellt pilotfönster, start', en: 'National pilot window, start' },
  nationalPilotEnd: { sv: 'Nationellt pilotfönster, slut', en: 'National pilot window, end' },
  nationalBroadStart: { sv: 'Nationellt breddfönster, start', en: 'National broad window, start' },
  nationalBroadEnd: { sv: 'Nationellt breddfönster, slut', en: 'National broad window, end' },
  archived: { sv: 'Arkiverad', en: 'Archived' },
  order: { sv: 'Ordning', en: 'Order' },
  progress: { sv: 'Framsteg', en: 'Progress' },
  need: { sv: 'Tekniskt behov', en: 'Technical need' },
  milestone: { sv: 'Milstolpe', en: 'Milestone' },
  connectionStart: { sv: 'Anslutning, start', en: 'Connection, start' },
  connectionSteps: { sv: 'Anslutning, steg klara', en: 'Connection, steps done' },
};

const TEXTS = {
  sv: {
    title: (programme: string, from: string, to: string | null) => `Ändringar i ${programme} sedan ${from}${to ? ` till och med ${to}` : ''}`,
    count: (n: number, initiatives: number) => `${n} ${n === 1 ? 'ändring' : 'ändringar'}${initiatives > 0 ? ` i ${initiatives} ${initiatives === 1 ? 'införande' : 'införanden'}` : ''}.`,
    filter: 'Urval',
    initiative: 'införande',
    participant: 'deltagare',
    user: 'ändrat av',
    truncated: (max: number) => `Sammanfattningen omfattar bara de ${max} senaste ändringarna; äldre ändringar i perioden är inte med.`,
    none: 'Inga ändringar i perioden.',
    programme: 'Programmet',
    wholeInitiative: 'Hela införandet',
    group: (n: number, last: string, by: string) => `${n} ${n === 1 ? 'ändring' : 'ändringar'}, senast ${last}${by ? ` (${by})` : ''}`,
    times: (n: number) => ` (${n} gånger)`,
    empty: '–',
    yes: 'Ja',
    no: 'Nej',
    changedValue: '(ändrat)',
  },
  en: {
    title: (programme: string, from: string, to: string | null) => `Changes in ${programme} since ${from}${to ? ` up to and including ${to}` : ''}`,
    count: (n: number, initiatives: number) => `${n} ${n === 1 ? 'change' : 'changes'}${initiatives > 0 ? ` in ${initiatives} ${initiatives === 1 ? 'initiative' : 'initiatives'}` : ''}.`,
    filter: 'Filter',
    initiative: 'initiative',
    participant: 'participant',
    user: 'changed by',
    truncated: (max: number) => `The summary covers only the ${max} most recent changes; older changes in the period are not included.`,
    none: 'No changes in the period.',
    programme: 'The programme',
    wholeInitiative: 'The whole initiative',
    group: (n: number, last: string, by: string) => `${n} ${n === 1 ? 'change' : 'changes'}, latest ${last}${by ? ` (${by})` : ''}`,
    times: (n: number) => ` (${n} times)`,
    empty: '–',
    yes: 'Yes',
    no: 'No',
    changedValue: '(changed)',
  },
} as const;

export function digestFieldLabel(field: string, locale: Locale): string {
  return FIELD_LABELS[field]?.[locale] ?? field;
}

/** A recorded value in words: statuses by their label, yes/no, '–' for nothing, a text on one line. */
export function historyValueText(value: unknown, locale: Locale): string {
  const t = TEXTS[locale];
  if (value === null || value === undefined || value === '') return t.empty;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if ((ROLLOUT_STATUSES as readonly string[]).includes(value)) return label(ROLLOUT_STATUS_LABELS, value as RolloutStatus, locale);
    // One line per change: a pasted note's line breaks would break the report's layout.
    return value.replace(/\s+/g, ' ');
  }
  return t.changedValue;
}

/**
 * The digest as plain text: a title, the filter, the count (and whether it was cut short), then per
 * initiative its participants, each with its net changes. `day` formats a time as the reader's date.
 */
export function digestText(digest: HistoryDigest, locale: Locale, day: (iso: string) => string = (iso) => iso.slice(0, 10)): string {
  const t = TEXTS[locale];
  const lines: string[] = [t.title(digest.programmeName, day(digest.from), digest.to ? day(digest.to) : null)];
  const filter = [
    digest.filter.initiative ? `${t.initiative} ${digest.filter.initiative}` : null,
    digest.filter.participant ? `${t.participant} ${digest.filter.participant}` : null,
    digest.filter.user ? `${t.user} ${digest.filter.user}` : null,
  ].filter((x): x is string => x !== null);
  if (filter.length > 0) lines.push(`${t.filter}: ${filter.join(', ')}`);
  lines.push(digest.changes === 0 ? t.none : t.count(digest.changes, digest.initiatives.filter((i) => i.initiativeId !== null).length));
  if (digest.truncated) lines.push(t.truncated(digest.changes));
  for (const initiative of digest.initiatives) {
    lines.push('', initiative.initiativeId === null ? t.programme : (initiative.name ?? initiative.initiativeId));
    for (const p of initiative.participants) {
      const who = p.regionCode === null ? (initiative.initiativeId === null ? t.programme : t.wholeInitiative) : (p.name ?? p.regionCode);
      lines.push(`  ${who}: ${t.group(p.changes, day(p.lastAt), p.byNames.join(', '))}`);
      for (const f of p.fields) {
        const name = f.subject ? `${digestFieldLabel(f.field, locale)} ${f.subject}` : digestFieldLabel(f.field, locale);
        lines.push(`    ${name}: ${historyValueText(f.old, locale)} → ${historyValueText(f.new, locale)}${f.changes > 1 ? t.times(f.changes) : ''}`);
      }
    }
  }
  return lines.join('\n');
}
