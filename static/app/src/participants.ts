import type { Participant } from '@shared/model';

/** Looks up a participant by code; an unknown code (removed from the programme) shows as its code. */
export function participantLookup(participants: ReadonlyArray<Participant>): (code: string) => Participant {
  const byCode = new Map(participants.map((p) => [p.code, p]));
  return (code) => byCode.get(code) ?? { code, name: code, short: code };
}
