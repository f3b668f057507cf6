/**
 * The per-participant connection process (template 3 of process-templates.ts, decision 0026): its three
 * stages, its twelve numbered steps with their planned week from the participant's start, and the pure
 * computations on one participant's progress (planned days, steps done, next step). Apart from the templates
 * so the support-plan view can draw progress without downloading every template's texts. Used by the
 * server's edit (src/domain/connection-process.ts) and by the UI, which may import only src/shared.
 */
import type { ConnectionProgress, IsoDate } from './model';
import type { Locale } from './vocabulary';

type Text = Record<Locale, string>;
const t = (sv: string, en: string): Text => ({ sv, en });

/** The three stages of the connection process, in order. */
export const CONNECTION_STAGES = [
  { id: 'initiation', title: t('Initiering', 'Initiation') },
  { id: 'start-up', title: t('Uppstart och avtal', 'Start-up and agreement') },
  { id: 'production', title: t('Produktion', 'Production') },
] as const;
export type ConnectionStage = (typeof CONNECTION_STAGES)[number]['id'];

/** The twelve numbered steps with their stage and planned week from the participant's start (0–12). */
export const CONNECTION_STEPS: ReadonlyArray<{ n: number; stage: ConnectionStage; weekOffset: number; title: Text }> = [
  { n: 1, stage: 'initiation', weekOffset: 0, title: t('Första kontakt', 'First contact') },
  { n: 2, stage: 'initiation', weekOffset: 1, title: t('Informationsmöte med demo', 'Information meeting with a demo') },
  { n: 3, stage: 'initiation', weekOffset: 2, title: t('Samordning med driftleverantören', 'Coordination with the operator') },
  { n: 4, stage: 'start-up', weekOffset: 3, title: t('Avtalsarbetet startar; ledtider flaggas', 'Agreement work starts; lead-time items are flagged') },
  { n: 5, stage: 'start-up', weekOffset: 4, title: t('Lokal säljkontakt', 'Local sales contact') },
  { n: 6, stage: 'start-up', weekOffset: 5, title: t('Utbildning av kundens administratörer', 'Training of the customer’s administrators') },
  { n: 7, stage: 'start-up', weekOffset: 6, title: t('Tjänsteavtal undertecknade', 'Service agreements signed') },
  { n: 8, stage: 'start-up', weekOffset: 7, title: t('Leveransavtal undertecknat, med granskning av provkort', 'Delivery agreement signed, with a proof-card review') },
  { n: 9, stage: 'production', weekOffset: 8, title: t('Leveranser, ev. med start i en pilotinstallation', 'Deliveries, possibly starting with a pilot installation') },
  { n: 10, stage: 'production', weekOffset: 10, title: t('Kundens egen utbildning', 'The customer’s own training') },
  { n: 11, stage: 'production', weekOffset: 11, title: t('Utvärdering', 'Evaluation') },
  { n: 12, stage: 'production', weekOffset: 12, title: t('Styrgruppens genomgång av anslutningen', 'Review of the onboarding by the steering group') },
];


const WEEK_MS = 7 * 86_400_000;

/** Every step done: the largest mask a participant can have. */
export const ALL_STEPS_DONE = (1 << CONNECTION_STEPS.length) - 1;

export interface PlannedStep {
  n: number;
  stage: ConnectionStage;
  weekOffset: number;
  /** The start plus the step's week; null while the participant has no start. */
  plannedOn: IsoDate | null;
  done: boolean;
}

export interface ConnectionSummary {
  done: number;
  total: number;
  /** The first step not done, with its planned day; null when every step is done. */
  next: PlannedStep | null;
  /** The next step's day has passed (`today` after it). */
  overdue: boolean;
}

/** `day` plus `weeks` weeks, in UTC so that no time zone or summer time moves it. */
export function addWeeks(day: IsoDate, weeks: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + weeks * WEEK_MS).toISOString().slice(0, 10);
}

export function isStepDone(mask: number, n: number): boolean {
  return (mask & (1 << (n - 1))) !== 0;
}

/** Each step of the process for one participant: its planned day from the start, and whether it is done. */
export function plannedSteps(progress: ConnectionProgress | null | undefined): PlannedStep[] {
  return CONNECTION_STEPS.map((s) => ({
    n: s.n,
    stage: s.stage,
    weekOffset: s.weekOffset,
    plannedOn: progress?.start ? addWeeks(progress.start, s.weekOffset) : null,
    done: progress ? isStepDone(progress.done, s.n) : false,
  }));
}

/** "Steg 4 av 12", the next step and whether its day has passed. `today` as YYYY-MM-DD. */
export function connectionSummary(progress: ConnectionProgress | null | undefined, today: IsoDate): ConnectionSummary {
  const steps = plannedSteps(progress);
  const next = steps.find((s) => !s.done) ?? null;
  return {
    done: steps.filter((s) => s.done).length,
    total: steps.length,
    next,
    overdue: next?.plannedOn != null && next.plannedOn < today,
  };
}
