/** A bad payload gets a typed VALIDATION error that says where, and writes nothing. */
import { createHarness, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h);
});

const cellEdit = (patch: Record<string, unknown>, expected: Record<string, unknown> = {}) => ({
  initiativeId: inf.initiativeIds[0],
  regionCode: '01',
  patch,
  expected,
});

describe.each([
  ['an unknown field', () => cellEdit({ status: 'pilot', colour: 'red' }, { status: 'not-started' }), 'patch.colour'],
  ['a note over 2000 characters', () => cellEdit({ note: 'x'.repeat(2001) }, { note: '' }), 'patch.note'],
  ['a javascript: link', () => cellEdit({ link: 'javascript:alert(1)' }, { link: null }), 'patch.link'],
  ['month 13', () => cellEdit({ pilotStart: '2026-13' }, { pilotStart: null }), 'patch.pilotStart'],
  ['30 February', () => cellEdit({ contactSince: '2026-02-30' }, { contactSince: null }), 'patch.contactSince'],
  ['an empty patch', () => cellEdit({}), 'patch'],
  ['a region the programme does not have', () => ({ ...cellEdit({ status: 'pilot' }, { status: 'not-started' }), regionCode: '99' }), 'regionCode'],
  ['a missing starting value', () => cellEdit({ status: 'pilot' }), 'expected.status'],
  ['a right-to-left override in a note', () => cellEdit({ note: 'Klart \u202Egnalp' }, { note: '' }), 'patch.note'],
  ['a control character in a contact', () => cellEdit({ regionalContact: 'Anna\u0007' }, { regionalContact: '' }), 'patch.regionalContact'],
  ['a direction isolate in a link', () => cellEdit({ link: 'https://x.se/\u2066a' }, { link: null }), 'patch.link'],
])('updateCell with %s', (_what, payload, path) => {
  it(`is refused with VALIDATION at ${path}, and nothing is written`, async () => {
    const before = h.writeUnits();
    const response = await h.invoke('demo-editor', 'updateCell', payload());
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    expect(response.error.issues?.map((i) => i.path)).toContain(path);
    expect(h.writeUnits()).toBe(before);
  });
});

it('line breaks and tabs in a note are kept: only invisible control and direction characters are refused', async () => {
  const response = await h.invoke('demo-editor', 'updateCell', cellEdit({ note: 'Rad ett\nRad två\tslut' }, { note: '' }));
  expect(response.ok).toBe(true);
});

it('an initiative name with a right-to-left override is refused, and nothing is written', async () => {
  const before = h.writeUnits();
  const response = await h.invoke('demo-editor', 'upsertInitiative', {
    fields: { ...{ kind: 'service', summary: '', infoLink: null, contact: '', rolloutType: null, phase: null }, nationalPilotStart: null, nationalPilotEnd: null, nationalBroadStart: null, nationalBroadEnd: null, name: 'Vård\u202Etxet' },
  });
  expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(h.writeUnits()).toBe(before);
});

it('an initiative without a name is refused', async () => {
  const response = await h.invoke('demo-editor', 'upsertInitiative', { fields: { name: '  ' } });
  expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

it('an unknown initiative is NOT_FOUND', async () => {
  const response = await h.invoke('demo-editor', 'setInitiativeArchived', { id: 'no-such-initiative', archived: true });
  expect(response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

describe('upsertInitiative names every bad field at its real path (issue 12, finding 4)', () => {
  const fields = { name: 'Digitalt vårdmöte', kind: 'service', summary: '', infoLink: null, contact: '', rolloutType: null, phase: null, nationalPilotStart: null, nationalPilotEnd: null, nationalBroadStart: null, nationalBroadEnd: null };

  it('a new initiative with several bad fields: one issue per field, none at the root', async () => {
    const before = h.storeText();
    const response = await h.invoke('demo-editor', 'upsertInitiative', {
      fields: { ...fields, name: ' ', kind: 'gadget', infoLink: 'javascript:alert(1)', nationalPilotStart: '2026-13' },
    });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    // Each issue also has a kind, which the UI turns into what to do in sv/en (validation-texts.test.ts).
    expect(response.error.issues?.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'fields.name', message: 'A name is required' },
      { path: 'fields.kind', message: 'Must be one of: project, service, assignment' },
      { path: 'fields.infoLink', message: 'Links must start with https:// or http://' },
      { path: 'fields.nationalPilotStart', message: 'Use the form YYYY-MM, e.g. 2026-03' },
    ]);
    expect(response.error.issues?.map((i) => i.kind)).toEqual(['required', 'choice', 'link', 'month']);
    expect(h.storeText()).toBe(before);
  });

  it('an edit with a bad field and a missing field', async () => {
    const response = await h.invoke('demo-editor', 'upsertInitiative', { id: inf.initiativeIds[0], patch: { summary: 'x'.repeat(4001) } });
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'patch.summary', message: 'At most 4000 characters' }, { path: 'expected', message: 'Required' }] },
    });
  });

  it('an unknown field is named, not the object around it', async () => {
    const response = await h.invoke('demo-editor', 'upsertInitiative', { fields: { ...fields, colour: 'red' } });
    expect(response).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.colour', message: 'Unknown field; remove it' }] } });
  });

  it('a payload that is not an object at all is reported at the root', async () => {
    const response = await h.invoke('demo-editor', 'upsertInitiative', 5);
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '', message: 'Must be of type object' }] } });
  });
});
