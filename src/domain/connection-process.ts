/**
 * The per-participant connection process (template 3 of shared/process-templates.ts; decision 0026): when a
 * participant starts, each numbered step gets a planned day (the start plus the step's planned week), and the
 * steps done are counted ("steg 4 av 12") with the next step and its day. Pure: no clock, no storage.
 *
 * The planned days and the count are in shared/process-templates.ts (plannedSteps, connectionSummary), which
 * the UI also uses; re-exported here for the server.
 *
 * Per participant the initiative keeps only `{ start, done }`, `done` a bit mask over the step numbers
 * (bit n-1 for step n), so 290 participants cost a few KiB of the initiative record (decision 0026).
 */
import { fail } from '../shared/errors';
import type { HistoryChange, Initiative, IsoDate } from '../shared/model';
import { ALL_STEPS_DONE, CONNECTION_STEPS, isStepDone } from '../shared/connection-process';
import { historyEntry, type Edit, type EditContext } from './edits/edit-context';
import { mergeFieldPatch } from './edits/field-patch';

export { addWeeks, ALL_STEPS_DONE, connectionSummary, isStepDone, plannedSteps, type ConnectionSummary, type PlannedStep } from '../shared/connection-process';

const DAY_MS = 86_400_000;

/** What an editor changes of one participant's process: the start day, and the steps done as a mask. */
export interface ConnectionFields {
  start: IsoDate | null;
  done: number;
}

const NONE: ConnectionFields = { start: null, done: 0 };

export function connectionOf(initiative: Pick<Initiative, 'connection'>, regionCode: string): ConnectionFields {
  const stored = initiative.connection?.[regionCode];
  return stored ? { start: stored.start, done: stored.done & ALL_STEPS_DONE } : NONE;
}

/**
 * Merges one participant's edit. The start follows the field-level conflict rule (decision 0004); the steps
 * merge step by step, so two editors ticking different steps both land. Steps are done only after a start; clearing
 * the start clears them; a start more than a year ahead is refused (a mistyped year).
 */
export function applyConnectionPatch(
  initiative: Initiative,
  regionCode: string,
  patch: Partial<ConnectionFields>,
  expected: Partial<ConnectionFields>,
  ctx: EditContext,
): Edit<Initiative> {
  const stored = connectionOf(initiative, regionCode);
  const { merged } = mergeFieldPatch({ start: stored.start }, { start: patch.start }, { start: expected.start }, { updatedAt: initiative.updatedAt, updatedByName: null });
  let done = stored.done;
  if (patch.done !== undefined) {
    if (expected.done === undefined) {
      fail('VALIDATION', 'Every changed field needs the value the edit started from', { issues: [{ path: 'expected.done', message: 'Missing the value the edit started from' }] });
    }
    // A step is a yes/no: if someone else changed a step this editor changed too, it now holds what this
    // editor wants, so steps never conflict; steps this editor did not touch keep what is stored.
    const touched = (patch.done ^ expected.done) & ALL_STEPS_DONE;
    done = (stored.done & ~touched) | (patch.done & touched);
  }
  if (merged.start !== null && Date.parse(`${merged.start}T00:00:00Z`) > Date.parse(`${ctx.at.slice(0, 10)}T00:00:00Z`) + 366 * DAY_MS) {
    fail('VALIDATION', 'A start more than a year ahead', { issues: [{ path: 'patch.start', message: 'The start is more than a year ahead' }] });
  }
  if (merged.start === null) {
    if (patch.start === null) done = 0;
    else if (done !== 0) fail('VALIDATION', 'Steps are done only after a start', { issues: [{ path: 'patch.done', message: 'Set the start day first' }] });
  }
  const changes: HistoryChange[] = [];
  if (merged.start !== stored.start) changes.push({ field: 'connectionStart', old: stored.start, new: merged.start });
  if (done !== stored.done) changes.push({ field: 'connectionSteps', old: stepsText(stored.done), new: stepsText(done) });
  if (changes.length === 0) return { next: initiative, history: [] };
  const connection = { ...initiative.connection };
  if (merged.start === null) delete connection[regionCode];
  else connection[regionCode] = { start: merged.start, done };
  const { connection: _old, ...rest } = initiative;
  return {
    next: { ...rest, ...(Object.keys(connection).length > 0 ? { connection } : {}), updatedAt: ctx.at, updatedBy: ctx.by, updatedByName: ctx.byName },
    history: [historyEntry(ctx, { programmeId: initiative.programmeId, initiativeId: initiative.id, regionCode, target: 'cell', action: 'update' }, changes)],
  };
}

/** The steps done as the history shows them: "1, 2, 4" (or "" for none). */
export function stepsText(mask: number): string {
  return CONNECTION_STEPS.filter((s) => isStepDone(mask, s.n))
    .map((s) => s.n)
    .join(', ');
}
