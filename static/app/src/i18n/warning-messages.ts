/** The domain's consistency warnings (ConsistencyWarning) in words. Pure, for tests and for every view. */
import type { ConsistencyWarning, WarningCode } from '@shared/contract';
import { ROLLOUT_STATUS_LABELS, type Locale, type RolloutStatus } from '@shared/vocabulary';
import { formatDate, formatMonth } from './format';

type Params = ConsistencyWarning['params'];
type Render = (p: Params, month: (ym: unknown) => string) => string;

const TEXT: Record<WarningCode, Record<Locale, Render>> = {
  'required-need-open': {
    sv: (p) =>
      Number(p.count) === 1
        ? `1 obligatoriskt tekniskt behov är inte klart${p.needs ? ` (${p.needs})` : ''}.`
        : `${p.count} obligatoriska tekniska behov är inte klara${p.needs ? ` (${p.needs})` : ''}.`,
    en: (p) =>
      Number(p.count) === 1
        ? `1 required technical need is not done${p.needs ? ` (${p.needs})` : ''}.`
        : `${p.count} required technical needs are not done${p.needs ? ` (${p.needs})` : ''}.`,
  },
  'pilot-before-national-window': {
    sv: (p, m) => `Piloten är planerad till ${m(p.planned)}, före det nationella pilotfönstret (från ${m(p.windowStart)}).`,
    en: (p, m) => `The pilot is planned for ${m(p.planned)}, before the national pilot window (from ${m(p.windowStart)}).`,
  },
  'broad-before-national-window': {
    sv: (p, m) => `Breddinförandet är planerat till ${m(p.planned)}, före det nationella fönstret (från ${m(p.windowStart)}).`,
    en: (p, m) => `Broad rollout is planned for ${m(p.planned)}, before the national window (from ${m(p.windowStart)}).`,
  },
  'active-without-contact': {
    sv: (p) => `Status är ”${statusLabel(p.status, 'sv')}”, men ingen kontakt med regionen är etablerad.`,
    en: (p) => `The status is “${statusLabel(p.status, 'en')}”, but no contact with the region is established.`,
  },
  'pilot-end-before-start': {
    sv: (p, m) => `Pilotens slut (${m(p.end)}) ligger före dess start (${m(p.start)}).`,
    en: (p, m) => `The pilot ends (${m(p.end)}) before it starts (${m(p.start)}).`,
  },
  'broad-end-before-start': {
    sv: (p, m) => `Breddinförandets slut (${m(p.end)}) ligger före dess start (${m(p.start)}).`,
    en: (p, m) => `Broad rollout ends (${m(p.end)}) before it starts (${m(p.start)}).`,
  },
  // The warnings that look ahead also say where the fix is made.
  'broad-before-pilot-end': {
    sv: (p, m) => `Breddinförandet börjar (${m(p.broadStart)}) innan piloten slutar (${m(p.pilotEnd)}). Justera planen i statusöversikten.`,
    en: (p, m) => `Broad rollout starts (${m(p.broadStart)}) before the pilot ends (${m(p.pilotEnd)}). Adjust the plan in the status overview.`,
  },
  'pilot-soon-needs-open': {
    sv: (p, m) =>
      `Piloten börjar ${m(p.planned)}, men ${Number(p.count) === 1 ? '1 obligatoriskt tekniskt behov är inte klart' : `${p.count} obligatoriska tekniska behov är inte klara`}${p.needs ? ` (${p.needs})` : ''}. Följ upp ${Number(p.count) === 1 ? 'det' : 'dem'} i översikten Tekniska behov.`,
    en: (p, m) =>
      `The pilot starts ${m(p.planned)}, but ${Number(p.count) === 1 ? '1 required technical need is not done' : `${p.count} required technical needs are not done`}${p.needs ? ` (${p.needs})` : ''}. Follow ${Number(p.count) === 1 ? 'it' : 'them'} up in the Technical needs overview.`,
  },
  'pilot-planned-without-contact': {
    sv: (p, m) => `Piloten börjar ${m(p.planned)}, men ingen kontakt är etablerad. Registrera kontakten i planen för införandestöd.`,
    en: (p, m) => `The pilot starts ${m(p.planned)}, but no contact is established. Record the contact in the implementation-support plan.`,
  },
  'pilot-soon-planning-open': {
    sv: (p, m) => `Piloten börjar ${m(p.planned)}, men ${p.count} milstolpar i planeringsfasen är inte klara. Bocka av dem i planen för införandestöd.`,
    en: (p, m) => `The pilot starts ${m(p.planned)}, but ${p.count} planning-phase milestones are not done. Tick them off in the implementation-support plan.`,
  },
  'pilot-start-passed': {
    sv: (p, m) => `Piloten skulle ha startat ${m(p.planned)}, men status är fortfarande ”${statusLabel(p.status, 'sv')}”. Uppdatera status eller flytta planen.`,
    en: (p, m) => `The pilot was to start ${m(p.planned)}, but the status is still “${statusLabel(p.status, 'en')}”. Update the status or move the plan.`,
  },
  'broad-start-passed': {
    sv: (p, m) =>
      `Breddinförandet skulle ha startat ${m(p.planned)}, men status är fortfarande ”${statusLabel(p.status, 'sv')}”. Uppdatera status eller flytta planen.`,
    en: (p, m) =>
      `Broad rollout was to start ${m(p.planned)}, but the status is still “${statusLabel(p.status, 'en')}”. Update the status or move the plan.`,
  },
  // The connection process (decision 0026): fixed in the support plan's connection table, or by moving the pilot.
  'connection-step-overdue': {
    sv: (p) =>
      `Steg ${p.step} i anslutningsprocessen var planerat till ${day(p.plannedOn, 'sv')} men är inte klart (steg ${p.done} av ${p.total} klara). Bocka av steget eller ändra starten under Anslutningsprocessen i planen för införandestöd.`,
    en: (p) =>
      `Step ${p.step} of the connection process was planned for ${day(p.plannedOn, 'en')} but is not done (step ${p.done} of ${p.total} done). Tick the step or change the start under The connection process in the implementation-support plan.`,
  },
  'pilot-before-connection-ready': {
    sv: (p, m) =>
      `Piloten är planerad till ${m(p.planned)}, men anslutningsprocessen når leveranserna (steg 9, där en pilotinstallation kan börja) först ${m(p.ready)} och avtalsstegen är inte klara (steg ${p.done} av ${p.total} klara). Flytta piloten i statusöversikten eller följ upp anslutningen i planen för införandestöd.`,
    en: (p, m) =>
      `The pilot is planned for ${m(p.planned)}, but the connection process reaches deliveries (step 9, where a pilot installation can begin) only in ${m(p.ready)} and the agreement steps are not done (step ${p.done} of ${p.total} done). Move the pilot in the status overview or follow up the connection in the implementation-support plan.`,
  },
};

function day(iso: unknown, locale: Locale): string {
  return typeof iso === 'string' ? formatDate(iso, locale) : '';
}

function statusLabel(status: unknown, locale: Locale): string {
  const entry = ROLLOUT_STATUS_LABELS[status as RolloutStatus];
  return entry ? entry[locale] : String(status);
}

export function describeWarning(warning: ConsistencyWarning, locale: Locale): string {
  const render = TEXT[warning.code]?.[locale];
  if (!render) return locale === 'sv' ? 'Uppgifterna stämmer inte med varandra.' : 'The details do not agree with each other.';
  return render(warning.params, (ym) => (typeof ym === 'string' ? formatMonth(ym, locale) : ''));
}
