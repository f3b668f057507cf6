/**
 * The config dialog's form state and how it becomes the macro config Forge stores. Pure, for tests.
 */
import type { InitiativeHeader, MacroConfig, MacroView } from '@shared/contract';
import { roadmapRangeProblem } from '@shared/limits';

export interface ConfigForm {
  /** '' = the programme of the page's space. */
  programmeId: string;
  perspective: MacroConfig['perspective'];
  regionCode: string;
  initiativeId: string;
  layout: MacroConfig['layout'];
  showArchived: boolean;
  /** The roadmap's first and last year as typed; '' = the default range (decision 0023). */
  rangeFromYear: string;
  rangeToYear: string;
}

/** What an unconfigured macro shows; the same defaults as macroConfigSchema. */
export const DEFAULT_CONFIG: MacroConfig = Object.freeze({
  perspective: 'programme',
  layout: 'initiatives-as-rows',
  showArchived: false,
}) as MacroConfig;

export function formFromConfig(config: MacroConfig): ConfigForm {
  return {
    programmeId: config.programmeId ?? '',
    perspective: config.perspective,
    regionCode: config.regionCode ?? '',
    initiativeId: config.initiativeId ?? '',
    layout: config.layout,
    showArchived: config.showArchived,
    rangeFromYear: config.rangeFromYear === undefined ? '' : String(config.rangeFromYear),
    rangeToYear: config.rangeToYear === undefined ? '' : String(config.rangeToYear),
  };
}

/**
 * Only what the chosen perspective uses is stored: a region left over from an earlier "one region"
 * choice must not come back when the editor switches perspective again later. Forge stores the config
 * as given, so empty values are left out rather than saved as ''.
 */
export function configFromForm(form: ConfigForm): MacroConfig {
  const config: MacroConfig = {
    perspective: form.perspective,
    layout: form.layout,
    showArchived: form.showArchived,
  };
  if (form.programmeId) config.programmeId = form.programmeId;
  if (form.perspective === 'region' && form.regionCode) config.regionCode = form.regionCode;
  if (form.perspective === 'initiative' && form.initiativeId) config.initiativeId = form.initiativeId;
  // Only a range that validates is stored; the macro shows the default range otherwise.
  const from = yearOf(form.rangeFromYear);
  const to = yearOf(form.rangeToYear);
  if (!roadmapRangeProblem(from, to)) {
    if (from !== undefined) config.rangeFromYear = from;
    if (to !== undefined) config.rangeToYear = to;
  }
  return config;
}

/** A typed year: '' is no year (undefined); anything else that is not a whole number is NaN, so it is refused. */
function yearOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export type ConfigFormErrors = Partial<Record<'regionCode' | 'initiativeId', 'required'>> & {
  /** The roadmap range (decision 0023): a year out of bounds, the end before the start, or over six years. */
  rangeFromYear?: 'year';
  rangeToYear?: 'year' | 'order' | 'span';
};

export function validateConfigForm(form: ConfigForm): ConfigFormErrors {
  const errors: ConfigFormErrors = {};
  if (form.perspective === 'region' && !form.regionCode) errors.regionCode = 'required';
  if (form.perspective === 'initiative' && !form.initiativeId) errors.initiativeId = 'required';
  const from = yearOf(form.rangeFromYear);
  const to = yearOf(form.rangeToYear);
  if (roadmapRangeProblem(from, undefined)) errors.rangeFromYear = 'year';
  if (roadmapRangeProblem(undefined, to)) errors.rangeToYear = 'year';
  else if (!errors.rangeFromYear) {
    const problem = roadmapRangeProblem(from, to);
    if (problem) errors.rangeToYear = problem;
  }
  return errors;
}

/** The initiatives a loaded view shows, whichever macro it is, for the initiative picker. */
export function initiativesOf(view: MacroView): InitiativeHeader[] {
  switch (view.macro) {
    case 'rollout-status':
      return view.rows.map((r) => r.initiative);
    default:
      return view.initiatives.map((i) => i.initiative);
  }
}
