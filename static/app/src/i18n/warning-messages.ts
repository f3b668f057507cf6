/**
 * The domain's consistency warnings (ConsistencyWarning) in words: a message catalogue like the others,
 * so the build ships its English table apart (locale-tables.ts) and a Swedish reader downloads only
 * Swedish (issue 7, decision 0033). A message gets the warning's params and the locale's formatters in
 * its argument, not from this module's scope: the build moves the English table into a module of its own.
 */
import type { ConsistencyWarning, WarningCode } from '@shared/contract';
import { ROLLOUT_STATUS_LABELS, type Locale, type RolloutStatus } from '@shared/vocabulary';
import { defineMessages, translator } from './define-messages';
import { formatDate, formatMonth } from './format';

type Params = ConsistencyWarning['params'];
/** What a warning's message is given: its params, and formatters in the reader's locale. */
export interface WarningArgs {
  p: Params;
  month: (ym: unknown) => string;
  day: (iso: unknown) => string;
  status: (status: unknown) => string;
}
type Render = (args: WarningArgs) => string;

export const warningMessages = defineMessages({
  sv: {
    'required-need-open': ({ p }: WarningArgs) =>
      Number(p.count) === 1
        ? `1 obligatoriskt tekniskt behov är inte klart${p.needs ? ` (${p.needs})` : ''}.`
        : `${p.count} obligatoriska tekniska behov är inte klara${p.needs ? ` (${p.needs})` : ''}.`,
    'pilot-before-national-window': ({ p, month: m }: WarningArgs) => `Piloten är planerad till ${m(p.planned)}, före det nationella pilotfönstret (från ${m(p.windowStart)}).`,
    'broad-before-national-window': ({ p, month: m }: WarningArgs) => `Breddinförandet är planerat till ${m(p.planned)}, före det nationella fönstret (från ${m(p.windowStart)}).`,
    'active-without-contact': ({ p, status }: WarningArgs) => `Status är ”${status(p.status)}”, men ingen kontakt med regionen är etablerad.`,
    'pilot-end-before-start': ({ p, month: m }: WarningArgs) => `Pilotens slut (${m(p.end)}) ligger före dess start (${m(p.start)}).`,
    'broad-end-before-start': ({ p, month: m }: WarningArgs) => `Breddinförandets slut (${m(p.end)}) ligger före dess start (${m(p.start)}).`,
    // The warnings that look ahead also say where the fix is made.
    'broad-before-pilot-end': ({ p, month: m }: WarningArgs) => `Breddinförandet börjar (${m(p.broadStart)}) innan piloten slutar (${m(p.pilotEnd)}). Justera planen i statusöversikten.`,
    'pilot-soon-needs-open': ({ p, month: m }: WarningArgs) =>
      `Piloten börjar ${m(p.planned)}, men ${Number(p.count) === 1 ? '1 obligatoriskt tekniskt behov är inte klart' : `${p.count} obligatoriska tekniska behov är inte klara`}${p.needs ? ` (${p.needs})` : ''}. Följ upp ${Number(p.count) === 1 ? 'det' : 'dem'} i översikten Tekniska behov.`,
    'pilot-planned-without-contact': ({ p, month: m }: WarningArgs) => `Piloten börjar ${m(p.planned)}, men ingen kontakt är etablerad. Registrera kontakten i planen för införandestöd.`,
    'pilot-soon-planning-open': ({ p, month: m }: WarningArgs) => `Piloten börjar ${m(p.planned)}, men ${p.count} milstolpar i planeringsfasen är inte klara. Bocka av dem i planen för införandestöd.`,
    'pilot-start-passed': ({ p, month: m, status }: WarningArgs) => `Piloten skulle ha startat ${m(p.planned)}, men status är fortfarande ”${status(p.status)}”. Uppdatera status eller flytta planen.`,
    'broad-start-passed': ({ p, month: m, status }: WarningArgs) =>
      `Breddinförandet skulle ha startat ${m(p.planned)}, men status är fortfarande ”${status(p.status)}”. Uppdatera status eller flytta planen.`,
    // The connection process (decision 0026): fixed in the support plan's connection table, or by moving the pilot.
    'connection-step-overdue': ({ p, day }: WarningArgs) =>
      `Steg ${p.step} i anslutningsprocessen var planerat till ${day(p.plannedOn)} men är inte klart (steg ${p.done} av ${p.total} klara). Bocka av steget eller ändra starten under Anslutningsprocessen i planen för införandestöd.`,
    'pilot-before-connection-ready': ({ p, month: m }: WarningArgs) =>
      `Piloten är planerad till ${m(p.planned)}, men anslutningsprocessen når leveranserna (steg 9, där en pilotinstallation kan börja) först ${m(p.ready)} och avtalsstegen är inte klara (steg ${p.done} av ${p.total} klara). Flytta piloten i statusöversikten eller följ upp anslutningen i planen för införandestöd.`,
  } satisfies Record<WarningCode, Render>,
  en: {
    'required-need-open': ({ p }: WarningArgs) =>
      Number(p.count) === 1
        ? `1 required technical need is not done${p.needs ? ` (${p.needs})` : ''}.`
        : `${p.count} required technical needs are not done${p.needs ? ` (${p.needs})` : ''}.`,
    'pilot-before-national-window': ({ p, month: m }: WarningArgs) => `The pilot is planned for ${m(p.planned)}, before the national pilot window (from ${m(p.windowStart)}).`,
    'broad-before-national-window': ({ p, month: m }: WarningArgs) => `Broad rollout is planned for ${m(p.planned)}, before the national window (from ${m(p.windowStart)}).`,
    'active-without-contact': ({ p, status }: WarningArgs) => `The status is “${status(p.status)}”, but no contact with the region is established.`,
    'pilot-end-before-start': ({ p, month: m }: WarningArgs) => `The pilot ends (${m(p.end)}) before it starts (${m(p.start)}).`,
    'broad-end-before-start': ({ p, month: m }: WarningArgs) => `Broad rollout ends (${m(p.end)}) before it starts (${m(p.start)}).`,
    // The warnings that look ahead also say where the fix is made.
    'broad-before-pilot-end': ({ p, month: m }: WarningArgs) => `Broad rollout starts (${m(p.broadStart)}) before the pilot ends (${m(p.pilotEnd)}). Adjust the plan in the status overview.`,
    'pilot-soon-needs-open': ({ p, month: m }: WarningArgs) =>
      `The pilot starts ${m(p.planned)}, but ${Number(p.count) === 1 ? '1 required technical need is not done' : `${p.count} required technical needs are not done`}${p.needs ? ` (${p.needs})` : ''}. Follow ${Number(p.count) === 1 ? 'it' : 'them'} up in the Technical needs overview.`,
    'pilot-planned-without-contact': ({ p, month: m }: WarningArgs) => `The pilot starts ${m(p.planned)}, but no contact is established. Record the contact in the implementation-support plan.`,
    'pilot-soon-planning-open': ({ p, month: m }: WarningArgs) => `The pilot starts ${m(p.planned)}, but ${p.count} planning-phase milestones are not done. Tick them off in the implementation-support plan.`,
    'pilot-start-passed': ({ p, month: m, status }: WarningArgs) => `The pilot was to start ${m(p.planned)}, but the status is still “${status(p.status)}”. Update the status or move the plan.`,
    'broad-start-passed': ({ p, month: m, status }: WarningArgs) =>
      `Broad rollout was to start ${m(p.planned)}, but the status is still “${status(p.status)}”. Update the status or move the plan.`,
    // The connection process (decision 0026): fixed in the support plan's connection table, or by moving the pilot.
    'connection-step-overdue': ({ p, day }: WarningArgs) =>
      `Step ${p.step} of the connection process was planned for ${day(p.plannedOn)} but is not done (step ${p.done} of ${p.total} done). Tick the step or change the start under The connection process in the implementation-support plan.`,
    'pilot-before-connection-ready': ({ p, month: m }: WarningArgs) =>
      `The pilot is planned for ${m(p.planned)}, but the connection process reaches deliveries (step 9, where a pilot installation can begin) only in ${m(p.ready)} and the agreement steps are not done (step ${p.done} of ${p.total} done). Move the pilot in the status overview or follow up the connection in the implementation-support plan.`,
  },
});

function argsFor(params: Params, locale: Locale): WarningArgs {
  return {
    p: params,
    month: (ym) => (typeof ym === 'string' ? formatMonth(ym, locale) : ''),
    day: (iso) => (typeof iso === 'string' ? formatDate(iso, locale) : ''),
    status: (status) => ROLLOUT_STATUS_LABELS[status as RolloutStatus]?.[locale] ?? String(status),
  };
}

const unknownWarning = { sv: 'Uppgifterna stämmer inte med varandra.', en: 'The details do not agree with each other.' };

/** A warning in words. Pure (tests); in the browser, call it once the locale's table is in (WarningList waits for it). */
export function describeWarning(warning: ConsistencyWarning, locale: Locale): string {
  if (!Object.prototype.hasOwnProperty.call(warningMessages.sv, warning.code)) return unknownWarning[locale];
  return translator(warningMessages, locale)(warning.code, argsFor(warning.params, locale));
}
