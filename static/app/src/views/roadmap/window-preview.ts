/**
 * The warnings a window edit would create, previewed in the form before it is saved. Only the rules that
 * depend on nothing but the four months and the initiative's national windows (the domain's
 * consistency rules of the same codes decide what is stored; this mirrors them for the preview):
 * pilot or broad rollout before the national window, an end before its start, broad rollout before the
 * pilot ends. Pure; a month that is not a complete YYYY-MM yet is left out.
 */
import type { ConsistencyWarning } from '@shared/contract';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface PlanMonths {
  pilotStart: string | null;
  pilotEnd: string | null;
  broadStart: string | null;
  broadEnd: string | null;
}

export interface NationalStarts {
  nationalPilotStart: string | null;
  nationalBroadStart: string | null;
}

/** A complete month as typed ('2026-03', with spaces around allowed), else null. */
export function typedMonth(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return MONTH.test(v) ? v : null;
}

// YYYY-MM strings compare as months.
const before = (a: string | null, b: string | null): boolean => a !== null && b !== null && a < b;

/** A participant's plan against the national windows: the previewable warnings, in the domain's order. */
export function previewWarnings(plan: PlanMonths, national: NationalStarts): ConsistencyWarning[] {
  const p = { pilotStart: typedMonth(plan.pilotStart), pilotEnd: typedMonth(plan.pilotEnd), broadStart: typedMonth(plan.broadStart), broadEnd: typedMonth(plan.broadEnd) };
  const natPilot = typedMonth(national.nationalPilotStart);
  const natBroad = typedMonth(national.nationalBroadStart);
  const warnings: ConsistencyWarning[] = [];
  if (before(p.pilotStart, natPilot)) warnings.push({ code: 'pilot-before-national-window', params: { planned: p.pilotStart as string, windowStart: natPilot as string } });
  if (before(p.broadStart, natBroad)) warnings.push({ code: 'broad-before-national-window', params: { planned: p.broadStart as string, windowStart: natBroad as string } });
  if (before(p.pilotEnd, p.pilotStart)) warnings.push({ code: 'pilot-end-before-start', params: { start: p.pilotStart as string, end: p.pilotEnd as string } });
  if (before(p.broadEnd, p.broadStart)) warnings.push({ code: 'broad-end-before-start', params: { start: p.broadStart as string, end: p.broadEnd as string } });
  if (before(p.broadStart, p.pilotEnd)) warnings.push({ code: 'broad-before-pilot-end', params: { broadStart: p.broadStart as string, pilotEnd: p.pilotEnd as string } });
  return warnings;
}

/**
 * New national windows against every participant's plan: per participant the "before the national
 * window" warnings they would get (the other rules do not depend on the national windows). Participants
 * without any are left out.
 */
export function nationalPreview<R extends PlanMonths & { regionCode: string }>(
  national: NationalStarts,
  regions: readonly R[],
): Array<{ regionCode: string; warnings: ConsistencyWarning[] }> {
  const out: Array<{ regionCode: string; warnings: ConsistencyWarning[] }> = [];
  for (const r of regions) {
    const warnings = previewWarnings(r, national).filter((w) => w.code === 'pilot-before-national-window' || w.code === 'broad-before-national-window');
    if (warnings.length > 0) out.push({ regionCode: r.regionCode, warnings });
  }
  return out;
}
