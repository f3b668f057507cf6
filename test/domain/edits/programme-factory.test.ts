/** The participant sets of a new programme (decision 0027), and the schema's rules for a custom list. */
import { createProgramme, participantsFor } from '../../../src/domain/edits';
import { SWEDISH_MUNICIPALITIES } from '../../../src/shared/municipalities';
import { SWEDISH_REGIONS } from '../../../src/shared/regions';
import { createProgrammeSchema, LIMITS } from '../../../src/shared/schemas';

const ctx = { by: 'acc', byName: 'Ada', at: '2026-12-02T08:00:00.000Z', newId: () => 'p1' };
const base = { name: 'P', description: '', stalenessDays: 90, published: false };

describe('participantsFor', () => {
  it('gives the 21 regions by default, without groups', () => {
    expect(participantsFor({})).toEqual(SWEDISH_REGIONS);
    expect(participantsFor({ participantSet: 'regions' }).every((p) => p.group === undefined)).toBe(true);
  });

  it('gives the 290 municipalities, each grouped by the county of its code, all counties of regions.json', () => {
    const list = participantsFor({ participantSet: 'municipalities' });
    expect(list).toHaveLength(290);
    expect(list.every((p) => p.group === p.code.slice(0, 2) && /^\d{4}$/.test(p.code))).toBe(true);
    expect([...new Set(list.map((p) => p.group))].sort()).toEqual(SWEDISH_REGIONS.map((r) => r.code).sort());
    // Every municipality passes the participant rules an administrator's list must pass.
    expect(createProgrammeSchema.safeParse({ ...base, participantSet: 'custom', participants: list.map(({ code, name, short }) => ({ code, name, short })) }).success).toBe(true);
  });

  it('gives copies: changing a new programme never changes the shared list', () => {
    const { next } = createProgramme({ ...base, participantSet: 'municipalities' }, 'EMPTY', ctx);
    next.participants[0]!.name = 'Ändrad';
    expect(SWEDISH_MUNICIPALITIES[0]!.name).not.toBe('Ändrad');
  });

  it('gives the custom list as given, and records the set in the history', () => {
    const participants = [{ code: 'B', name: 'Beta', short: 'B' }];
    const { next, history } = createProgramme({ ...base, participantSet: 'custom', participants }, 'EMPTY', ctx);
    expect(next.participants).toEqual(participants);
    expect(history[0]!.changes).toContainEqual({ field: 'participantSet', old: null, new: 'custom' });
  });
});

describe('createProgrammeSchema', () => {
  const custom = (participants: unknown) => createProgrammeSchema.safeParse({ ...base, participantSet: 'custom', participants });
  const paths = (result: ReturnType<typeof custom>) => (result.success ? [] : result.error.issues.map((i) => i.path.join('.')));

  it('defaults to the regions, as the form of before sent it', () => {
    expect(createProgrammeSchema.parse({ name: 'P' })).toMatchObject({ participantSet: 'regions' });
  });

  it('accepts exactly LIMITS.customParticipants and refuses one more', () => {
    const list = (n: number) => Array.from({ length: n }, (_, k) => ({ code: `K${k}`, name: 'x'.repeat(LIMITS.customParticipantName), short: 'x'.repeat(40) }));
    expect(custom(list(LIMITS.customParticipants)).success).toBe(true);
    expect(paths(custom(list(LIMITS.customParticipants + 1)))).toContain('participants');
  });

  it('names every repeated code by its position', () => {
    const dup = { code: 'A', name: 'Alfa', short: 'A' };
    expect(paths(custom([dup, { code: 'B', name: 'Beta', short: 'B' }, dup, dup]))).toEqual(['participants.2.code', 'participants.3.code']);
  });

  it('refuses unknown fields in a participant and names too long', () => {
    expect(paths(custom([{ code: 'A', name: 'Alfa', short: 'A', group: '01' }]))).toContain('participants.0');
    expect(paths(custom([{ code: 'A', name: 'x'.repeat(LIMITS.customParticipantName + 1), short: 'A' }]))).toEqual(['participants.0.name']);
  });
});
