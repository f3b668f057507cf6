/**
 * A programme's participants, administered (decision 0022), pure: add, rename, retire and reinstate one at a
 * time. Nothing is ever deleted: a retired participant moves to `retiredParticipants`, so no view shows it,
 * while its cells, details and history stay stored under its code, ready to be reinstated. A code is never
 * reused, retired or not, so old history always names the participant it was about.
 */
import { fail } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { Participant, Programme } from '../../shared/model';
import type { UpdateParticipantInput } from '../../shared/schemas';
import { historyEntry, type Edit, type EditContext } from '../edits/edit-context';

const codeIssue = (message: string) => ({ issues: [{ path: 'code', message }] });

function retiredOf(programme: Programme): Participant[] {
  return programme.retiredParticipants ?? [];
}

export function applyParticipantChange(programme: Programme, input: UpdateParticipantInput, ctx: EditContext): Edit<Programme> {
  const active = programme.participants;
  const retired = retiredOf(programme);
  const at = active.findIndex((p) => p.code === input.code);
  const retiredAt = retired.findIndex((p) => p.code === input.code);
  const record = (action: 'create' | 'update' | 'archive' | 'restore', old: Participant | null, now: Participant | null, next: Programme): Edit<Programme> => ({
    next: { ...next, updatedAt: ctx.at, updatedBy: ctx.by },
    history: [historyEntry(ctx, { programmeId: programme.id, regionCode: input.code, target: 'programme', action }, [{ field: 'participant', old, new: now }])],
  });

  switch (input.action) {
    case 'add': {
      if (at >= 0 || retiredAt >= 0) {
        fail('CONFLICT', `The code ${input.code} is already used`, {
          conflictingFields: ['code'],
          current: { code: input.code, name: (active[at] ?? retired[retiredAt])!.name, retired: retiredAt >= 0 },
        });
      }
      // Retired participants count: their records stay in the programme record, so every code ever used is bounded.
      if (active.length + retired.length >= LIMITS.participants) {
        fail('LIMIT', `A programme has at most ${LIMITS.participants} participants, retired ones included`, codeIssue('Too many participants'));
      }
      const added: Participant = { code: input.code, name: input.name, short: input.short };
      return record('create', null, added, { ...programme, participants: [...active, added] });
    }
    case 'rename': {
      if (at < 0) fail('NOT_FOUND', `No active participant ${input.code}`, codeIssue('Not an active participant'));
      const stored = active[at]!;
      const wanted = { name: input.name, short: input.short };
      const conflicting = (['name', 'short'] as const).filter((f) => stored[f] !== input.expected[f] && stored[f] !== wanted[f]);
      if (conflicting.length > 0) {
        fail('CONFLICT', `Changed by someone else meanwhile: ${conflicting.join(', ')}`, {
          conflictingFields: conflicting,
          current: Object.fromEntries(conflicting.map((f) => [f, stored[f]])),
          changedAt: programme.updatedAt,
        });
      }
      if (stored.name === wanted.name && stored.short === wanted.short) return { next: programme, history: [] };
      const renamed = { ...stored, ...wanted };
      return record('update', stored, renamed, { ...programme, participants: active.map((p, k) => (k === at ? renamed : p)) });
    }
    case 'retire': {
      if (retiredAt >= 0) return { next: programme, history: [] };
      if (at < 0) fail('NOT_FOUND', `No participant ${input.code}`, codeIssue('Not a participant'));
      if (active.length === 1) fail('VALIDATION', 'A programme keeps at least one participant', codeIssue('The last participant cannot be retired'));
      const leaving = active[at]!;
      return record('archive', leaving, null, { ...programme, participants: active.filter((_, k) => k !== at), retiredParticipants: [...retired, leaving] });
    }
    case 'reinstate': {
      if (at >= 0) return { next: programme, history: [] };
      if (retiredAt < 0) fail('NOT_FOUND', `No retired participant ${input.code}`, codeIssue('Not a retired participant'));
      if (active.length >= LIMITS.participants) fail('LIMIT', `A programme has at most ${LIMITS.participants} participants`, codeIssue('Too many participants'));
      const back = retired[retiredAt]!;
      return record('restore', null, back, { ...programme, participants: [...active, back], retiredParticipants: retired.filter((_, k) => k !== retiredAt) });
    }
  }
}
