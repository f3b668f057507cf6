/**
 * The words of the PDF/Word export. The vocabulary (statuses, progress, phases …) comes from
 * src/shared/vocabulary so the export says exactly what the page says; this file holds only the
 * export's own sentences.
 */
import type { ConsistencyWarning, WarningCode } from '../shared/contract';
import { label, ROLLOUT_STATUS_LABELS, ROLLOUT_STATUSES, type Locale, type RolloutStatus } from '../shared/vocabulary';

const TEXTS = {
  sv: {
    lastUpdated: 'Senast uppdaterad',
    neverUpdated: 'Inga uppdateringar ännu',
    exampleData: 'Exempeldata: uppgifterna är påhittade och visar hur översikten fungerar.',
    noInitiatives: 'Det finns inga införanden att visa.',
    staleLegend: (days: number) => `* Behöver ses över: inte uppdaterad på mer än ${days} dagar.`,
    initiative: 'Införande',
    region: 'Region',
    totals: 'Totalt',
    pointsToNote: 'Att uppmärksamma',
    andMore: (n: number) => `… och ${n} till.`,
    need: 'Behov',
    category: 'Kategori',
    requirement: 'Krav',
    description: 'Beskrivning',
    doneOf: (done: number, of: number) => `${done} av ${of} klara`,
    noNeeds: 'Inga tekniska behov registrerade.',
    phase: 'Fas',
    rolloutType: 'Införandetyp',
    milestone: 'Milstolpe',
    done: 'Klar',
    dueMonth: 'Planerad',
    doneOn: 'Klar datum',
    yes: 'Ja',
    no: 'Nej',
    noMilestones: 'Inga milstolpar registrerade.',
    milestonesDone: (done: number, of: number) => `Milstolpar klara: ${done} av ${of}`,
    contactsEstablished: (n: number, of: number) => `Kontakt etablerad: ${n} av ${of}`,
    contactEstablished: 'Kontakt etablerad',
    since: 'Sedan',
    regionalContact: 'Regional kontakt',
    nationalContact: 'Nationell kontakt',
    notSet: 'Ej angiven',
    timeline: 'Tidslinje',
    nationalPilotWindow: 'Nationellt pilotfönster',
    nationalBroadWindow: 'Nationellt fönster för breddinförande',
    status: 'Status',
    pilot: 'Pilot (tidigt införande)',
    broad: 'Breddinförande',
    noPlans: 'Inga planer registrerade.',
    contact: 'Kontakt',
    summary: 'Sammanfattning',
    liveOf: (live: number, of: number) => `Infört i ${live} av ${of}`,
    openRequiredNeeds: 'Öppna obligatoriska behov',
    none: 'Inga',
    contactSince: (date: string) => `Ja, sedan ${date}`,
    // The grouped form (more participants than a page can show one by one: document-parts.ts).
    groupedParticipants: (n: number) =>
      `Översikten har ${n} deltagare. För att rymmas på papper grupperar exporten deltagarna per införande; sidan i Confluence visar varje deltagare med detaljer.`,
    countOf: (n: number, of: number) => `${n} av ${of}`,
    pilotStartByQuarter: 'Planerad pilotstart per kvartal',
    broadStartByQuarter: 'Planerad start för breddinförande per kvartal',
    notPlanned: 'Inte planerad',
    withoutContact: 'Kontakt inte etablerad',
    todoTitle: (name: string) => `Att göra för ${name}`,
    requiredDone: (done: number, of: number) => `${done} av ${of} obligatoriska klara`,
    neededBy: 'Behövs till',
    ownPilot: (month: string) => `${month} (egen pilot)`,
    nationalPilot: (month: string) => `${month} (nationellt pilotfönster)`,
    note: 'Anteckning',
    noTodo: 'Inga tekniska behov för den här deltagaren.',
  },
  en: {
    lastUpdated: 'Last updated',
    neverUpdated: 'No updates yet',
    exampleData: 'Example data: the figures are made up and show how the overview works.',
    noInitiatives: 'There are no rollouts to show.',
    staleLegend: (days: number) => `* Needs review: not updated for more than ${days} days.`,
    initiative: 'Rollout',
    region: 'Region',
    totals: 'Total',
    pointsToNote: 'Points to note',
    andMore: (n: number) => `… and ${n} more.`,
    need: 'Need',
    category: 'Category',
    requirement: 'Requirement',
    description: 'Description',
    doneOf: (done: number, of: number) => `${done} of ${of} done`,
    noNeeds: 'No technical needs recorded.',
    phase: 'Phase',
    rolloutType: 'Rollout type',
    milestone: 'Milestone',
    done: 'Done',
    dueMonth: 'Planned',
    doneOn: 'Done on',
    yes: 'Yes',
    no: 'No',
    noMilestones: 'No milestones recorded.',
    milestonesDone: (done: number, of: number) => `Milestones done: ${done} of ${of}`,
    contactsEstablished: (n: number, of: number) => `Contact established: ${n} of ${of}`,
    contactEstablished: 'Contact established',
    since: 'Since',
    regionalContact: 'Regional contact',
    nationalContact: 'National contact',
    notSet: 'Not set',
    timeline: 'Timeline',
    nationalPilotWindow: 'National pilot window',
    nationalBroadWindow: 'National broad-rollout window',
    status: 'Status',
    pilot: 'Pilot (early rollout)',
    broad: 'Broad rollout',
    noPlans: 'No plans recorded.',
    contact: 'Contact',
    summary: 'Summary',
    liveOf: (live: number, of: number) => `Live in ${live} of ${of}`,
    openRequiredNeeds: 'Open required needs',
    none: 'None',
    contactSince: (date: string) => `Yes, since ${date}`,
    groupedParticipants: (n: number) =>
      `The overview has ${n} participants. To fit on paper, the export groups the participants per rollout; the page in Confluence shows each participant with its details.`,
    countOf: (n: number, of: number) => `${n} of ${of}`,
    pilotStartByQuarter: 'Planned pilot start by quarter',
    broadStartByQuarter: 'Planned broad-rollout start by quarter',
    notPlanned: 'Not planned',
    withoutContact: 'No contact established',
    todoTitle: (name: string) => `To do for ${name}`,
    requiredDone: (done: number, of: number) => `${done} of ${of} required done`,
    neededBy: 'Needed by',
    ownPilot: (month: string) => `${month} (own pilot)`,
    nationalPilot: (month: string) => `${month} (national pilot window)`,
    note: 'Note',
    noTodo: 'No technical needs for this participant.',
  },
} as const;

export type ExportTexts = (typeof TEXTS)[Locale];

export function exportTexts(locale: Locale): ExportTexts {
  return TEXTS[locale];
}

/**
 * A consistency warning as the title of a group of participants ("Planerad pilotstart före det nationella
 * pilotfönstret: 12 av 290 – …"), for the grouped form. In this order in the document.
 */
const WARNING_GROUP_TITLES: Record<WarningCode, Record<Locale, string>> = {
  'required-need-open': { sv: 'Obligatoriska tekniska behov som inte är klara', en: 'Required technical needs not done' },
  'active-without-contact': { sv: 'Pilot eller breddinförande utan etablerad kontakt', en: 'Pilot or broad rollout without contact established' },
  'pilot-before-national-window': {
    sv: 'Planerad pilotstart före det nationella pilotfönstret',
    en: 'Planned pilot start before the national pilot window',
  },
  'broad-before-national-window': {
    sv: 'Planerad start för breddinförande före det nationella fönstret',
    en: 'Planned broad-rollout start before the national window',
  },
  'pilot-end-before-start': { sv: 'Pilotens slut före dess start', en: 'The pilot ends before it starts' },
  'broad-end-before-start': { sv: 'Breddinförandets slut före dess start', en: 'The broad rollout ends before it starts' },
  'broad-before-pilot-end': { sv: 'Breddinförande före pilotens slut', en: 'Broad rollout before the pilot ends' },
  'pilot-soon-needs-open': {
    sv: 'Pilot inom tre månader med obligatoriska behov som inte är klara',
    en: 'Pilot within three months with required needs not done',
  },
  'pilot-planned-without-contact': { sv: 'Pilot inom tre månader utan etablerad kontakt', en: 'Pilot within three months without contact established' },
  'pilot-soon-planning-open': {
    sv: 'Pilot inom tre månader med planeringsmilstolpar kvar',
    en: 'Pilot within three months with planning milestones not done',
  },
  'pilot-start-passed': { sv: 'Planerad pilotstart har passerat utan att status ändrats', en: 'Planned pilot start passed without a change of status' },
  'broad-start-passed': {
    sv: 'Planerad start för breddinförande har passerat utan att status ändrats',
    en: 'Planned broad-rollout start passed without a change of status',
  },  'connection-step-overdue': { sv: 'Steg i anslutningsprocessen som är försenade', en: 'Connection-process steps overdue' },
  'pilot-before-connection-ready': {
    sv: 'Pilot planerad innan anslutningsprocessen når leveranserna',
    en: 'Pilot planned before the connection process reaches deliveries',
  },
};

export const WARNING_CODES = Object.keys(WARNING_GROUP_TITLES) as WarningCode[];

export function warningGroupTitle(code: WarningCode, locale: Locale): string {
  return WARNING_GROUP_TITLES[code][locale];
}

function isStatus(value: unknown): value is RolloutStatus {
  return typeof value === 'string' && (ROLLOUT_STATUSES as ReadonlyArray<string>).includes(value);
}

/** One consistency warning as a sentence. */
export function warningSentence(warning: ConsistencyWarning, locale: Locale): string {
  const p = warning.params;
  const sv = locale === 'sv';
  switch (warning.code) {
    case 'required-need-open':
      return sv
        ? `${p.count} obligatoriska tekniska behov är inte klara: ${p.needs}.`
        : `${p.count} required technical needs are not done: ${p.needs}.`;
    case 'pilot-before-national-window':
      return sv
        ? `Planerad pilotstart (${p.planned}) är före det nationella pilotfönstret (${p.windowStart}).`
        : `Planned pilot start (${p.planned}) is before the national pilot window (${p.windowStart}).`;
    case 'broad-before-national-window':
      return sv
        ? `Planerad start för breddinförande (${p.planned}) är före det nationella fönstret (${p.windowStart}).`
        : `Planned broad-rollout start (${p.planned}) is before the national window (${p.windowStart}).`;
    case 'active-without-contact': {
      const status = isStatus(p.status) ? label(ROLLOUT_STATUS_LABELS, p.status, locale) : String(p.status);
      return sv ? `Status är ”${status}”, men kontakt är inte etablerad.` : `Status is “${status}”, but no contact is established.`;
    }
    case 'pilot-end-before-start':
      return sv
        ? `Pilotens slut (${p.end}) är före dess start (${p.start}).`
        : `The pilot ends (${p.end}) before it starts (${p.start}).`;
    case 'broad-end-before-start':
      return sv
        ? `Breddinförandets slut (${p.end}) är före dess start (${p.start}).`
        : `The broad rollout ends (${p.end}) before it starts (${p.start}).`;
    case 'broad-before-pilot-end':
      return sv
        ? `Breddinförandet börjar (${p.broadStart}) innan piloten slutar (${p.pilotEnd}). Justera planen i statusöversikten.`
        : `Broad rollout starts (${p.broadStart}) before the pilot ends (${p.pilotEnd}). Adjust the plan in the status overview.`;
    case 'pilot-soon-needs-open':
      return sv
        ? `Piloten börjar ${p.planned}, men ${p.count} obligatoriska tekniska behov är inte klara: ${p.needs}. Följ upp dem i översikten Tekniska behov.`
        : `The pilot starts ${p.planned}, but ${p.count} required technical needs are not done: ${p.needs}. Follow them up in the Technical needs overview.`;
    case 'pilot-planned-without-contact':
      return sv
        ? `Piloten börjar ${p.planned}, men ingen kontakt är etablerad. Registrera kontakten i planen för införandestöd.`
        : `The pilot starts ${p.planned}, but no contact is established. Record the contact in the implementation-support plan.`;
    case 'pilot-soon-planning-open':
      return sv
        ? `Piloten börjar ${p.planned}, men ${p.count} milstolpar i planeringsfasen är inte klara. Bocka av dem i planen för införandestöd.`
        : `The pilot starts ${p.planned}, but ${p.count} planning-phase milestones are not done. Tick them off in the implementation-support plan.`;
    case 'pilot-start-passed':
    case 'broad-start-passed': {
      const status = isStatus(p.status) ? label(ROLLOUT_STATUS_LABELS, p.status, locale) : String(p.status);
      const pilot = warning.code === 'pilot-start-passed';
      return sv
        ? `${pilot ? 'Piloten' : 'Breddinförandet'} skulle ha startat ${p.planned}, men status är fortfarande ”${status}”. Uppdatera status eller flytta planen.`
        : `The ${pilot ? 'pilot' : 'broad rollout'} was to start ${p.planned}, but the status is still “${status}”. Update the status or move the plan.`;
    }
    case 'connection-step-overdue':
      return sv
        ? `Steg ${p.step} i anslutningsprocessen var planerat till ${p.plannedOn} men är inte klart (steg ${p.done} av ${p.total} klara). Följ upp det i planen för införandestöd.`
        : `Step ${p.step} of the connection process was planned for ${p.plannedOn} but is not done (step ${p.done} of ${p.total} done). Follow it up in the implementation-support plan.`;
    case 'pilot-before-connection-ready':
      return sv
        ? `Piloten är planerad till ${p.planned}, men anslutningsprocessen når leveranserna (steg 9) först ${p.ready} och avtalsstegen är inte klara. Flytta piloten i statusöversikten eller följ upp anslutningen i planen för införandestöd.`
        : `The pilot is planned for ${p.planned}, but the connection process reaches deliveries (step 9) only in ${p.ready} and the agreement steps are not done. Move the pilot in the status overview or follow up the connection in the implementation-support plan.`;
    default: {
      const unknown: never = warning.code;
      return String(unknown);
    }
  }
}
