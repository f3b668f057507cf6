/**
 * Built-in templates from the process models used in the field (../shared/design/domain.md, "Process models
 * used in the field"), in Swedish and English. Pure data: `applyTemplate` adds a template's milestones to an
 * initiative (never removing anything recorded; applying twice adds nothing new, because every item has a
 * fixed id), and the UI shows the phases' activities, inputs and outputs as guidance.
 *
 * Ids are stored as milestone ids: never change one, only add new items.
 */
import { CONNECTION_STEPS, type ConnectionStage } from './connection-process';
import type { Phase, Locale } from './vocabulary';

export type Text = Record<Locale, string>;

export interface TemplateItem {
  /** Unique across every template: becomes the milestone's id. At most 64 characters of [A-Za-z0-9_-]. */
  id: string;
  phase: Phase;
  title: Text;
  /** The connection process: the planned week, counted from the participant's start. */
  weekOffset?: number;
}

export interface ProcessTemplate {
  id: ProcessTemplateId;
  name: Text;
  description: Text;
  items: readonly TemplateItem[];
}

export const PROCESS_TEMPLATE_IDS = ['rollout-process', 'execution-steps', 'connection-process', 'handover'] as const;
export type ProcessTemplateId = (typeof PROCESS_TEMPLATE_IDS)[number];

const t = (sv: string, en: string): Text => ({ sv, en });
const a = (title: Text, milestone: boolean) => ({ title, milestone });

// ---------------------------------------------------------------- (a) the rollout process in four phases

/** Per phase of the rollout model: its typical activities, what it starts from and what it leaves behind. */
export interface PhaseGuidance {
  phase: Phase;
  /** `milestone`: one of the phase's key activities, which the template adds as a milestone. */
  activities: ReadonlyArray<{ title: Text; milestone: boolean }>;
  inputs: readonly Text[];
  outputs: readonly Text[];
}

export const ROLLOUT_PHASE_GUIDANCE: readonly PhaseGuidance[] = [
  {
    phase: 'initiering',
    activities: [
      a(t('Avtal eller intresseanmälan undertecknad', 'Agreement or expression of interest signed'), true),
      a(t('Styrgrupp utsedd', 'Steering group appointed'), true),
      a(t('Processen förankrad', 'The process anchored'), false),
      a(t('Nyttoanalys och nollmätning (vid behov)', 'Benefit analysis and baseline measurement (optional)'), false),
    ],
    inputs: [t('Beslut om att införa tjänsten', 'Decision to roll out the service'), t('Information om tjänsten', 'Information about the service')],
    outputs: [t('Undertecknat avtal', 'Signed agreement'), t('Projektdirektiv godkänt av styrgruppen', 'Project directive approved by the steering group')],
  },
  {
    phase: 'planering',
    activities: [
      a(t('Bemanning (projektledare, arbetsgrupper)', 'Staffing (project lead, working groups)'), true),
      a(t(
        'Projektplan med aktivitetsplan, resurser, tidplan, riskanalys och budget',
        'Project plan with activity plan, resources, schedule, risk analysis and budget',
      ), true),
      a(t('Workshop 1: arbetsgruppen introduceras och aktivitetsplanerna utkastas', 'Workshop 1: introduce the working group and draft the activity plans'), false),
      a(t('Workshop 2: projektplanen och aktivitetsplanerna färdigställs', 'Workshop 2: finish the project plan and the activity plans'), false),
      a(t('Beställningar av förutsättningar som IT-system och säkerhetslösningar', 'Orders for prerequisites such as IT systems and security solutions'), true),
      a(t('Testinstallationer (vid behov)', 'Test installations (optional)'), false),
      a(t('Styrgruppsmöte 2 godkänner planen', 'Steering group meeting 2 approves the plan'), true),
    ],
    inputs: [t('Projektdirektiv', 'Project directive'), t('Undertecknat avtal', 'Signed agreement')],
    outputs: [
      t('Projektplan', 'Project plan'),
      t('Aktivitetsplaner', 'Activity plans'),
      t('Beställningar', 'Orders'),
      t('Riskanalys', 'Risk analysis'),
      t('Minnesanteckningar', 'Minutes'),
    ],
  },
  {
    phase: 'genomforande',
    activities: [
      a(t('Tekniskt stöd hos kunden: installation, test och acceptanstest', 'Technical support at the customer: installation, test and acceptance test'), true),
      a(t('Utbildning och förankring hos användarna', 'Training and anchoring with users'), true),
      a(t('Kommunikation', 'Communication'), false),
      a(t('Projektmöten med rapportering till styrgruppen', 'Project meetings, with reporting to the steering group'), false),
      a(t('Styrgruppsbeslut om driftstart', 'Steering-group decision to go live'), true),
      a(t('Driftstart med förstärkt bevakning', 'Go-live with extra monitoring'), true),
    ],
    inputs: [t('Godkänd projektplan', 'Approved project plan'), t('Aktivitetsplaner', 'Activity plans')],
    outputs: [t('Testprotokoll eller problemlogg', 'Test protocol or problem log'), t('Minnesanteckningar', 'Minutes')],
  },
  {
    phase: 'avslut',
    activities: [
      a(t('Utvärdering', 'Evaluation'), true),
      a(t('Slutrapport', 'Final report'), true),
      a(t('Dokumentation för kundtjänst', 'Documentation for customer service'), false),
      a(t('Mätning och uppföljning av resultat', 'Measurement and follow-up of results'), false),
      a(t('Överlämning till förvaltning med restlista', 'Handover to maintenance, with a list of remaining items'), true),
    ],
    inputs: [t('Tjänsten i drift', 'The service live'), t('Testprotokoll eller problemlogg', 'Test protocol or problem log')],
    outputs: [
      t('Tjänstedokumentation', 'Service documentation'),
      t('Restlista', 'Remaining-items list'),
      t('Överlämningsdokumentation', 'Handover documentation'),
    ],
  },
];

/**
 * Each phase's key activities as milestones (13, so that they fit beside the rollout model's 11 defaults
 * within the 30 an initiative may have): ids 'rp-<phase>-<n>', n the activity's number in its phase.
 */
const ROLLOUT_PROCESS_ITEMS: TemplateItem[] = ROLLOUT_PHASE_GUIDANCE.flatMap((g) =>
  g.activities.flatMap((activity, k) => (activity.milestone ? [{ id: `rp-${g.phase}-${k + 1}`, phase: g.phase, title: activity.title }] : [])),
);

// ---------------------------------------------------------------- (b) the execution steps of a solution

const EXECUTION_ITEMS: TemplateItem[] = [
  { id: 'ex-develop', phase: 'genomforande', title: t('Utveckla', 'Develop') },
  { id: 'ex-change', phase: 'genomforande', title: t('Förändra', 'Change') },
  { id: 'ex-retire', phase: 'genomforande', title: t('Avveckla (med bevarande i åtanke)', 'Retire (with preservation in mind)') },
  { id: 'ex-test', phase: 'genomforande', title: t('Testa', 'Test') },
  { id: 'ex-release', phase: 'genomforande', title: t('Releasa', 'Release') },
  { id: 'ex-inform', phase: 'genomforande', title: t('Informera', 'Inform') },
  { id: 'ex-train', phase: 'genomforande', title: t('Utbilda', 'Train') },
  // Go-live is a decision of its own, after the steps.
  { id: 'ex-go-live-decision', phase: 'genomforande', title: t('Beslut om driftstart', 'Decision to go live') },
];

// ---------------------------------------------------------------- (c) the per-participant connection process

// The stages, steps and planned days live in connection-process.ts, small enough for the reader's view.
export * from './connection-process';

/** The latest week a step may be planned for, counted from the participant's start. */
export const MAX_WEEK_OFFSET = 52;

const STAGE_PHASE: Record<ConnectionStage, Phase> = { initiation: 'initiering', 'start-up': 'planering', production: 'genomforande' };

const CONNECTION_ITEMS: TemplateItem[] = CONNECTION_STEPS.map((s) => ({
  id: `cp-${s.n}`,
  phase: STAGE_PHASE[s.stage],
  title: t(`${s.n}. ${s.title.sv}`, `${s.n}. ${s.title.en}`),
  weekOffset: s.weekOffset,
}));

// ---------------------------------------------------------------- (d) the handover to maintenance

/** The roles of the receiving maintenance organisation, to be named before the handover. */
export const MAINTENANCE_ROLES: ReadonlyArray<{ id: string; title: Text }> = [
  { id: 'object-owner', title: t('Objektägare', 'Object owner') },
  { id: 'it-object-owner', title: t('IT-objektägare', 'IT object owner') },
  { id: 'maintenance-manager', title: t('Förvaltningsledare', 'Maintenance manager') },
  { id: 'it-maintenance-manager', title: t('IT-förvaltningsledare', 'IT maintenance manager') },
  { id: 'object-specialist', title: t('Objektspecialist', 'Object specialist') },
  { id: 'it-specialist', title: t('IT-specialist', 'IT specialist') },
  { id: 'operations-manager', title: t('Driftansvarig', 'Operations manager') },
  { id: 'local-business-support', title: t('Lokalt verksamhetsstöd', 'Local business support') },
];

/** The maintenance organisation's change process, in order. */
export const CHANGE_PROCESS_STEPS: ReadonlyArray<{ id: string; title: Text }> = [
  { id: 'request', title: t('Behov/ändringsbegäran', 'Request') },
  { id: 'preparation', title: t('Beredning', 'Preparation') },
  { id: 'decision', title: t('Beslut', 'Decision') },
  { id: 'planning', title: t('Planering', 'Planning') },
  { id: 'development', title: t('Utveckling', 'Development') },
  { id: 'test', title: t('Test', 'Test') },
  { id: 'deploy-decision', title: t('Beslut om driftsättning', 'Decision to deploy') },
  { id: 'inform-train', title: t('Information och utbildning', 'Information and training') },
  { id: 'deployment', title: t('Driftsättning', 'Deployment') },
  { id: 'follow-up', title: t('Uppföljning', 'Follow-up') },
];

/**
 * As milestones of the Avslut phase: each receiving role named, the change process agreed, service levels
 * agreed per environment, and the handover done. 11 items, so it fits beside the rollout model's defaults.
 */
const HANDOVER_ITEMS: TemplateItem[] = [
  ...MAINTENANCE_ROLES.map((r) => ({ id: `ho-role-${r.id}`, phase: 'avslut' as const, title: t(`${r.title.sv} utsedd`, `${r.title.en} named`) })),
  {
    id: 'ho-change-process',
    phase: 'avslut',
    title: t(
      `Ändringsprocessen överenskommen (${CHANGE_PROCESS_STEPS.map((s) => s.title.sv.toLowerCase()).join(' → ')})`,
      `Change process agreed (${CHANGE_PROCESS_STEPS.map((s) => s.title.en.toLowerCase()).join(' → ')})`,
    ),
  },
  { id: 'ho-service-levels', phase: 'avslut', title: t('Servicenivåer överenskomna per miljö', 'Service levels agreed per environment') },
  { id: 'ho-handover-done', phase: 'avslut', title: t('Överlämning till förvaltning genomförd, med restlista', 'Handed over to maintenance, with a remaining-items list') },
];

export const PROCESS_TEMPLATES: Readonly<Record<ProcessTemplateId, ProcessTemplate>> = {
  'rollout-process': {
    id: 'rollout-process',
    name: t('Införandeprocessen i fyra faser', 'The rollout process in four phases'),
    description: t(
      'Initiering, Planering, Genomförande och Avslut med varje fas typiska aktiviteter.',
      'Initiation, planning, execution and closure, with each phase’s typical activities.',
    ),
    items: ROLLOUT_PROCESS_ITEMS,
  },
  'execution-steps': {
    id: 'execution-steps',
    name: t('Genomförandets steg för en lösning', 'Execution steps of a solution'),
    description: t(
      'Utveckla, förändra, avveckla, testa, releasa, informera och utbilda; driftstart är ett eget beslut.',
      'Develop, change, retire, test, release, inform and train; go-live is a separate decision.',
    ),
    items: EXECUTION_ITEMS,
  },
  'connection-process': {
    id: 'connection-process',
    name: t('Anslutningsprocess per deltagare', 'Connection process per participant'),
    description: t(
      'Tolv numrerade steg i tre etapper, planerade i veckor från deltagarens start (vecka 0–12).',
      'Twelve numbered steps in three stages, planned in weeks from the participant’s start (week 0–12).',
    ),
    items: CONNECTION_ITEMS,
  },
  handover: {
    id: 'handover',
    name: t('Överlämning till förvaltning', 'Handover to maintenance'),
    description: t(
      'De mottagande rollerna, ändringsprocessen och servicenivåerna inför överlämningen.',
      'The receiving roles, the change process and the service levels before the handover.',
    ),
    items: HANDOVER_ITEMS,
  },
};
