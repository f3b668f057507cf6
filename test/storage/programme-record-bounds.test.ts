/**
 * Decision 0027's bound: a programme created with the largest custom list (LIMITS.customParticipants) and
 * every text at its schema maximum in three-byte UTF-8 characters stays under Forge's 240 KiB per value, as
 * does the 290 municipalities' programme; and the group field round-trips through the codec, while records
 * written before it existed still read.
 */
import { applyParticipantChange } from '../../src/domain/admin/participants';
import { createProgramme as newProgramme } from '../../src/domain/edits';
import { SWEDISH_MUNICIPALITIES } from '../../src/shared/municipalities';
import type { Participant } from '../../src/shared/model';
import { LIMITS } from '../../src/shared/schemas';
import { PHASES } from '../../src/shared/vocabulary';
import { createProgramme, getProgramme } from '../../src/storage';
import { decodeProgramme, encodeProgramme } from '../../src/storage/codec';
import { createHarness } from '../helpers/forge-harness';

const VALUE_LIMIT = 240 * 1024;
const wide = (n: number) => '€'.repeat(n);
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const PARTICIPANT_SHORT_MAX = 40;
const CODE_MAX = 16;

const ctx = { by: wide(128), byName: wide(LIMITS.name), at: '2026-12-02T08:00:00.000Z', newId: () => 'p'.repeat(LIMITS.id) };

function worstProgramme(participants: Participant[]) {
  const { next, history } = newProgramme(
    { name: wide(LIMITS.name), description: wide(LIMITS.summary), stalenessDays: 3650, published: true, participantSet: 'custom', participants },
    'S'.repeat(255),
    ctx,
  );
  // The largest milestone template an administrator can set (setMilestoneTemplateSchema).
  next.milestoneTemplate = Array.from({ length: LIMITS.milestonesPerInitiative }, (_, k) => ({
    id: `m${k}`.padEnd(LIMITS.id, 'x'),
    phase: PHASES[k % PHASES.length]!,
    title: wide(LIMITS.shortText),
  }));
  return { next, history: history[0]! };
}

const customList = (n: number): Participant[] =>
  Array.from({ length: n }, (_, k) => ({ code: `K${k}`.padEnd(CODE_MAX, '0'), name: wide(LIMITS.customParticipantName), short: wide(PARTICIPANT_SHORT_MAX) }));

it(`a programme of ${LIMITS.customParticipants} custom participants with every text at its maximum fits one value`, async () => {
  const { next, history } = worstProgramme(customList(LIMITS.customParticipants));
  const size = bytes(encodeProgramme(next));
  expect(size).toBeLessThan(VALUE_LIMIT);
  // And the strict local KVS, which enforces Forge's limits, takes it.
  createHarness();
  await createProgramme(next, history);
  expect((await getProgramme(next.id))?.participants).toHaveLength(LIMITS.customParticipants);
});

it('the 290 municipalities with the longest programme texts fit one value, with room to spare', () => {
  const { next } = worstProgramme([]);
  next.participants = SWEDISH_MUNICIPALITIES.map((p) => ({ ...p }));
  expect(bytes(encodeProgramme(next))).toBeLessThan(VALUE_LIMIT / 2);
});

it('the group field round-trips through the codec, and a record written before it reads without one', () => {
  const { next } = worstProgramme([]);
  next.participants = [
    { code: '0180', name: 'Stockholm', short: 'Stockholm', group: '01' },
    { code: 'X', name: 'Utan grupp', short: 'X' },
  ];
  const record = JSON.parse(JSON.stringify(encodeProgramme(next))) as ReturnType<typeof encodeProgramme>;
  expect(decodeProgramme(next.id, record).participants).toEqual(next.participants);
  const old = { ...record, data: { ...record.data, participants: [{ code: '01', name: 'Region Stockholm', short: 'Stockholm', iso: 'SE-AB' }] } };
  expect(decodeProgramme(next.id, old).participants).toEqual([{ code: '01', name: 'Region Stockholm', short: 'Stockholm', iso: 'SE-AB' }]);
});

it(`every participant a programme can ever have had (${LIMITS.participants}, retired ones included) fits one value at maximum length`, () => {
  const { next } = worstProgramme(customList(LIMITS.customParticipants));
  const all = customList(LIMITS.participants);
  next.participants = all.slice(0, LIMITS.customParticipants);
  next.retiredParticipants = all.slice(LIMITS.customParticipants);
  expect(bytes(encodeProgramme(next))).toBeLessThan(VALUE_LIMIT);
  // Adding one more, even with codes free among the active ones, is refused: retired participants count.
  expect(() => applyParticipantChange(next, { programmeId: next.id, action: 'add', code: 'NY', name: 'Ny', short: 'Ny' }, ctx)).toThrow(
    expect.objectContaining({ error: expect.objectContaining({ code: 'LIMIT' }) }),
  );
  next.retiredParticipants = all.slice(LIMITS.customParticipants, -1);
  expect(applyParticipantChange(next, { programmeId: next.id, action: 'add', code: 'NY', name: 'Ny', short: 'Ny' }, ctx).next.participants).toHaveLength(LIMITS.customParticipants + 1);
});
