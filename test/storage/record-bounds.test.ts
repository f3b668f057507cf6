/**
 * Decision 0017's promise: no stored record can outgrow Forge's 240 KiB, whatever editors type. The worst
 * case is built here with every text at its schema maximum in three-byte UTF-8 characters (the longest a
 * character can be in JSON without escapes), 400 participants and the most needs and milestones an
 * initiative may have, and written through the strict local KVS.
 */
import { FORBIDDEN_CHARACTERS, LIMITS } from '../../src/shared/schemas';
import type { InitiativeWithDetails, Participant } from '../../src/shared/model';
import { detailKey, encodeDetails, encodeInitiative, encodeInitiativeRecords, expand } from '../../src/storage/codec';
import { getInitiative, readDetails, seedProgramme } from '../../src/storage';
import { splitDetails } from '../../src/shared/model';
import { createHarness } from '../helpers/forge-harness';
import { regionalProgramme } from './storage-fixtures';

const VALUE_LIMIT = 240 * 1024;
const wide = (n: number) => '€'.repeat(n);
const link = (n: number) => `https://x.se/${wide(n - 13)}`;
const id = (prefix: string, k: number) => `${prefix}${k}`.padEnd(LIMITS.id, 'x');
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function worstCase(participants: Participant[]): InitiativeWithDetails {
  const needIds = Array.from({ length: LIMITS.needsPerInitiative }, (_, k) => id('n', k));
  return {
    id: id('i', 1),
    programmeId: 'prog-s',
    order: 2 ** 31 - 1,
    archived: false,
    name: wide(LIMITS.name),
    kind: 'service',
    summary: wide(LIMITS.summary),
    infoLink: link(LIMITS.link),
    contact: wide(LIMITS.shortText),
    rolloutType: 'both',
    phase: 'genomforande',
    nationalPilotStart: '2026-01',
    nationalPilotEnd: '2026-06',
    nationalBroadStart: '2026-09',
    nationalBroadEnd: '2027-12',
    updatedAt: '2026-11-01T08:00:00.000Z',
    updatedBy: wide(128),
    updatedByName: wide(LIMITS.name),
    createdAt: '2026-01-01T08:00:00.000Z',
    createdBy: wide(128),
    version: 2 ** 31 - 1,
    milestones: Array.from({ length: LIMITS.milestonesPerInitiative }, (_, k) => ({
      id: id('m', k),
      phase: 'planering' as const,
      title: wide(LIMITS.shortText),
      done: true,
      dueMonth: '2026-03',
      doneOn: '2026-03-01',
      // Overview 3: a note and, for a connection-process step, its planned week.
      note: wide(LIMITS.shortText),
      weekOffset: 52,
    })),
    cells: Object.fromEntries(
      participants.map((p) => [
        p.code,
        {
          status: 'pilot' as const,
          note: wide(LIMITS.note),
          link: link(LIMITS.link),
          pilotStart: '2026-01',
          pilotEnd: '2026-02',
          broadStart: '2026-03',
          broadEnd: '2026-04',
          contactEstablished: true,
          contactSince: '2026-01-01',
          regionalContact: wide(LIMITS.shortText),
          nationalContact: wide(LIMITS.shortText),
          updatedAt: '2026-11-01T08:00:00.000Z',
        },
      ]),
    ),
    // The connection process (decision 0026): every participant started, every step done.
    connection: Object.fromEntries(participants.map((p) => [p.code, { start: '2026-03-02', done: 4095 }])),
    needs: needIds.map((needId) => ({
      id: needId,
      title: wide(LIMITS.name),
      category: 'support-service' as const,
      required: true,
      description: wide(LIMITS.needDescription),
      link: link(LIMITS.link),
      progress: Object.fromEntries(participants.map((p) => [p.code, { progress: 'in-progress' as const, note: wide(LIMITS.note), updatedAt: '2026-11-01T08:00:00.000Z' }])),
    })),
  };
}

const participants: Participant[] = Array.from({ length: LIMITS.participants }, (_, k) => ({
  code: String(k).padStart(16, '0'),
  name: wide(LIMITS.name),
  short: wide(LIMITS.name),
}));

describe('the characters a text may hold', () => {
  it('cost at most three bytes each in stored JSON, the figure the bounds below assume', () => {
    let worst = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (FORBIDDEN_CHARACTERS.test(ch)) continue;
      worst = Math.max(worst, bytes(ch) - 2);
    }
    // A pair of surrogates is one four-byte character made of two of the counted characters.
    expect(bytes('😀') - 2).toBe(4);
    expect(worst).toBe(3);
  });
});

describe('stored records at their largest', () => {
  const full = worstCase(participants);
  const { initiative, details } = splitDetails(full);

  it('an initiative record (what the views draw) stays under 240 KiB, even before it is deflated', () => {
    const record = encodeInitiative(initiative);
    // The record is deflated when that is smaller; the bound must not depend on text compressing well.
    const plain = bytes({ ...record, data: expand(record.data) });
    console.log(`largest initiative record: ${(plain / 1024).toFixed(1)} KiB of 240 uncompressed, ${(bytes(record) / 1024).toFixed(1)} KiB stored`);
    expect(plain).toBeLessThan(VALUE_LIMIT);
    expect(bytes(record)).toBeLessThanOrEqual(plain);
  });

  it('the needs-progress record stays under 240 KiB, even before it is compressed', () => {
    const record = encodeInitiativeRecords(initiative).progress!;
    const plain = bytes({ ...record, data: expand(record.data) });
    console.log(`largest progress record: ${(plain / 1024).toFixed(1)} KiB of 240 uncompressed`);
    expect(plain).toBeLessThan(VALUE_LIMIT);
  });

  it('a participant detail record stays under 240 KiB', () => {
    // Both contacts marked public (decision 0020): the flags are stored with the details.
    const record = encodeDetails('prog-s', initiative.id, participants[0].code, { ...details.get(participants[0].code)!, publicContacts: { regional: true, national: true } });
    expect(record?.data.pc).toBe('rn');
    const size = bytes(record);
    console.log(`largest detail record: ${(size / 1024).toFixed(1)} KiB of 240`);
    expect(size).toBeLessThan(VALUE_LIMIT);
    expect(detailKey(initiative.id, participants[0].code).length).toBeLessThanOrEqual(500);
  });

  it('both are written and read back through the strict local KVS', async () => {
    createHarness();
    // Twenty participants are enough to write every kind of record; the size is proven above.
    const some = worstCase(participants.slice(0, 20));
    await seedProgramme(regionalProgramme({ participants: participants.slice(0, 20) }), [some]);
    const stored = await getInitiative(some.id);
    expect(stored?.cells[participants[0].code]).toMatchObject({ status: 'pilot', hasDetails: true });
    const read = await readDetails(some.id, [participants[0].code]);
    expect(read.get(participants[0].code)?.cell.note).toBe(wide(LIMITS.note));
    expect(Object.keys(read.get(participants[0].code)!.needNotes)).toHaveLength(LIMITS.needsPerInitiative);
  });
});
