import Papa from 'papaparse';
import { translator } from '../../../static/app/src/i18n/define-messages';
import { tableToCsv } from '../../../static/app/src/editing/csv-file';
import { contactsTable, milestonesTable, type ContactLookup } from '../../../static/app/src/views/support-plan/csv';
import { supportPlanCsvMessages } from '../../../static/app/src/views/support-plan/csv-messages';
import { buildView } from '../../../src/domain/build-view';
import { detailsForAudience } from '../../../src/domain/contact-privacy';
import type { SupportPlanView } from '../../../src/shared/contract';
import { DEFAULT_CELL_DETAILS, type ParticipantDetails } from '../../../src/shared/model';
import { NOW, config, initiative, programme } from '../../domain/fixtures';

const sv = translator(supportPlanCsvMessages, 'sv');
const en = translator(supportPlanCsvMessages, 'en');
const TODAY = '2026-11-22';

function read(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
}

const prog = programme();
const init = initiative({
  milestones: [
    { id: 'm1', phase: 'planering', title: 'Projektplan', done: true, dueMonth: '2026-03', doneOn: '2026-03-12', note: 'Godkänd av styrgruppen' },
    { id: 'm2', phase: 'genomforande', title: '=Go-live', done: false, dueMonth: null, doneOn: null },
  ],
  cells: {
    '01': { ...initiative().cells['01'], contactEstablished: true, contactSince: '2026-01-15', hasDetails: true },
  },
  connection: { '01': { start: '2026-10-01', done: 0b111 } },
});
const viewFor = (audience: 'public' | 'signed-in') =>
  buildView({ macro: 'support-plan', programme: prog, initiatives: [init], config: config(), now: NOW, audience }) as SupportPlanView;

/** Stockholm's contacts as stored: the regional one is public, the national one (a person's e-mail) is not. */
const STORED: ParticipantDetails = {
  cell: { ...DEFAULT_CELL_DETAILS, regionalContact: 'Införandesamordnare, Region Stockholm', nationalContact: 'anna.svensson@example.se' },
  needNotes: {},
  publicContacts: { regional: true, national: false },
};
/** What getDetails answers this audience (the same function the server applies). */
const lookupFor =
  (audience: 'public' | 'signed-in'): ContactLookup =>
  (_id, code) =>
    code === '01' ? detailsForAudience(STORED, audience).cell : DEFAULT_CELL_DETAILS;

describe('support plan CSV: milestones', () => {
  it('has one line per milestone with phase, planned month, done, day and note; a formula-looking title is guarded', () => {
    const rows = read(tableToCsv(milestonesTable(viewFor('public').initiatives, 'sv', sv)));
    expect(rows[0]).toEqual(['Införande', 'Fas', 'Milstolpe', 'Planerad månad', 'Klar', 'Klar den', 'Anteckning']);
    expect(rows[1]).toEqual([init.name, 'Planering', 'Projektplan', '2026-03', 'Ja', '2026-03-12', 'Godkänd av styrgruppen']);
    expect(rows[2][2]).not.toMatch(/^=/);
    expect(milestonesTable(viewFor('public').initiatives, 'en', en)[0][0]).toBe('Initiative');
  });
});

describe('support plan CSV: contacts and connection process', () => {
  it('gives contact and the connection process per participant: start, steps done of total, next step, its day', () => {
    const table = contactsTable(viewFor('signed-in').initiatives, prog.participants, 'sv', sv, lookupFor('signed-in'), TODAY)!;
    const rows = read(tableToCsv(table));
    expect(rows[0]).toEqual([
      'Införande', 'Deltagare', 'Kontakt etablerad', 'Sedan', 'Regional kontakt', 'Nationell kontakt',
      'Anslutning startad', 'Anslutningssteg klara', 'Nästa steg', 'Nästa steg planerat',
    ]);
    expect(rows[1]).toEqual([
      init.name, 'Region Stockholm', 'Ja', '2026-01-15', 'Införandesamordnare, Region Stockholm', 'anna.svensson@example.se',
      '2026-10-01', 'steg 3 av 12', '4. Avtalsarbetet startar; ledtider flaggas', '2026-10-22 (Försenat)',
    ]);
    // Not started: the connection columns are empty.
    expect(rows[2].slice(6)).toEqual(['', '', '', '']);
    expect(rows).toHaveLength(1 + prog.participants.length);
  });

  it('never has a non-public contact for an anonymous reader', () => {
    const table = contactsTable(viewFor('public').initiatives, prog.participants, 'sv', sv, lookupFor('public'), TODAY)!;
    const csv = tableToCsv(table);
    expect(csv).toContain('Införandesamordnare, Region Stockholm');
    expect(csv).not.toContain('anna.svensson');
  });

  it('makes no file while a contact is not read yet', () => {
    const notYet: ContactLookup = (_id, code) => (code === '01' ? undefined : DEFAULT_CELL_DETAILS);
    expect(contactsTable(viewFor('public').initiatives, prog.participants, 'sv', sv, notYet, TODAY)).toBeNull();
  });
});
