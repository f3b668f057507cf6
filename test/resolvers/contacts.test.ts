/**
 * A participant's contact through the real handler and the local KVS (issue 9, overview 3): established,
 * since, regional and national contact, and whether each is public (decision 0020). A contact that is not
 * marked public never reaches an anonymous reader: not through getDetails (one cell, one participant, the
 * CSV pages), not in the PDF/Word export, not in the view, not in the history. Every refused call leaves the
 * store exactly as it was.
 */
import { runInInvocation } from '../../dev/forge-runtime';
import type { DemoUserId } from '../../dev/demo-users';
import { exportRolloutStatus, exportSupportPlan } from '../../src/export';
import type { ResolverName, RolloutStatusView, SupportPlanView } from '../../src/shared/contract';
import { LIMITS } from '../../src/shared/schemas';
import { allText } from '../export/adf-schema';
import { refusedCall } from '../helpers/refused';
import { createHarness, dataOf, macroContext, type Harness, type InvokeOptions } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

const ROLE = 'Införandesamordnare, Region Stockholm';
const PERSON = 'Anna Andersson, anna.andersson@example.se';

let h: Harness;
let inf: InfProgramme;
let first: string;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { published: true });
  first = inf.initiativeIds[0]!;
});

const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const editor = <N extends ResolverName>(name: N, payload: unknown, options?: InvokeOptions) => h.invoke('demo-editor', name, payload, options);
const setContact = (patch: Record<string, unknown>, expected: Record<string, unknown>, regionCode = '01') =>
  editor('updateContact', { initiativeId: first, regionCode, patch, expected });

/** A refused call: the typed error, and the store exactly as it was. */
const refused = (name: ResolverName, payload: unknown, options?: InvokeOptions, user: DemoUserId = 'demo-editor') => refusedCall(h, user, name, payload, options);

async function details(user: DemoUserId, regionCode = '01', options?: InvokeOptions) {
  return dataOf(await h.invoke(user, 'getDetails', { initiativeId: first, regionCode }, options)).entries[0]!;
}

/** A role as the public regional contact, a person as the national contact left non-public. */
async function roleAndPerson() {
  return dataOf(
    await setContact(
      { contactEstablished: true, contactSince: '2026-02-01', regionalContact: ROLE, regionalContactPublic: true, nationalContact: PERSON },
      { contactEstablished: false, contactSince: null, regionalContact: '', regionalContactPublic: false, nationalContact: '' },
    ),
  );
}

describe('updateContact', () => {
  it('saves established, since and both contacts with their public flags, and draws the cell as established', async () => {
    const saved = await roleAndPerson();
    expect(saved).toMatchObject({
      initiativeId: first,
      regionCode: '01',
      cell: { contactEstablished: true, contactSince: '2026-02-01', hasDetails: true },
      details: { regionalContact: ROLE, nationalContact: PERSON },
      publicContacts: { regional: true, national: false },
      initiativeVersion: 2,
    });
    expect(await details('demo-editor')).toMatchObject({ cell: { regionalContact: ROLE, nationalContact: PERSON }, publicContacts: { regional: true, national: false } });
    // A signed-in reader sees both.
    expect(await details('demo-viewer')).toMatchObject({ cell: { regionalContact: ROLE, nationalContact: PERSON } });

    const [entry] = dataOf(await editor('getHistory', { initiativeId: first, regionCode: '01', limit: 5 })).entries;
    expect(entry).toMatchObject({ target: 'cell', action: 'update', regionCode: '01', byName: 'Eva Redaktör' });
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(['contactEstablished', 'contactSince', 'nationalContact', 'regionalContact', 'regionalContactPublic']);
  });

  it('a contact is not public unless chosen, and a changed text is no longer public (here and in the cell form)', async () => {
    dataOf(await setContact({ regionalContact: PERSON }, { regionalContact: '' }));
    expect((await details('anonymous')).cell.regionalContact).toBe('');

    dataOf(await setContact({ regionalContact: ROLE, regionalContactPublic: true }, { regionalContact: PERSON, regionalContactPublic: false }));
    expect((await details('anonymous')).cell.regionalContact).toBe(ROLE);

    // Changed to a person's name through the contact form without choosing again: not public any more.
    dataOf(await setContact({ regionalContact: PERSON }, { regionalContact: ROLE }));
    expect((await details('anonymous')).cell.regionalContact).toBe('');

    // The same through the status matrix's cell form, which knows nothing of the flags.
    dataOf(await setContact({ regionalContact: ROLE, regionalContactPublic: true }, { regionalContact: PERSON, regionalContactPublic: false }));
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: '01', patch: { regionalContact: PERSON }, expected: { regionalContact: ROLE } }));
    expect((await details('anonymous')).cell.regionalContact).toBe('');
    expect((await details('demo-editor')).publicContacts).toBeUndefined();
  });

  it('unestablishing clears since; other cell fields are left as they were', async () => {
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: '01', patch: { status: 'planning', note: 'Planering pågår' }, expected: { status: 'not-started', note: '' } }));
    await roleAndPerson();
    const saved = dataOf(await setContact({ contactEstablished: false }, { contactEstablished: true }));
    expect(saved.cell).toMatchObject({ contactEstablished: false, contactSince: null, status: 'planning' });
    expect(saved.details).toMatchObject({ note: 'Planering pågår', regionalContact: ROLE });
  });

  it('refuses a stale edit of the same field with the stored value, and lets another field land', async () => {
    await roleAndPerson();
    dataOf(await setContact({ nationalContact: 'Inera kundansvarig' }, { nationalContact: PERSON }));
    const error = await refused('updateContact', { initiativeId: first, regionCode: '01', patch: { regionalContact: 'Annan' }, expected: { regionalContact: '' } });
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['regionalContact'], current: { regionalContact: ROLE }, changedByName: 'Eva Redaktör' });
  });

  it('refuses every bad input with a typed error and writes nothing', async () => {
    const base = { initiativeId: first, regionCode: '01' };
    const est = { contactEstablished: false, contactSince: null };
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [{ ...base, patch: { contactEstablished: true, contactSince: '2026-02-30' }, expected: est }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.contactSince' })] }],
      [{ ...base, patch: { contactEstablished: true, contactSince: daysFromNow(5) }, expected: est }, { code: 'VALIDATION', issues: [{ path: 'patch.contactSince', message: expect.any(String) }] }],
      [{ ...base, patch: { contactSince: '2026-01-01' }, expected: { contactSince: null } }, { code: 'VALIDATION', issues: [{ path: 'patch.contactSince', message: expect.any(String) }] }],
      [{ ...base, patch: { regionalContact: 'x'.repeat(LIMITS.shortText + 1) }, expected: { regionalContact: '' } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.regionalContact' })] }],
      [{ ...base, patch: { nationalContact: 'Anna\u202E' }, expected: { nationalContact: '' } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'patch.nationalContact' })] }],
      [{ ...base, patch: { regionalContactPublic: 'yes' }, expected: { regionalContactPublic: false } }, { code: 'VALIDATION' }],
      [{ ...base, patch: { status: 'pilot' }, expected: { status: 'not-started' } }, { code: 'VALIDATION' }],
      [{ ...base, patch: { regionalContact: ROLE }, expected: {} }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'expected.regionalContact' })] }],
      [{ ...base, patch: {}, expected: {} }, { code: 'VALIDATION' }],
      [{ ...base, regionCode: '99', patch: { contactEstablished: true }, expected: { contactEstablished: false } }, { code: 'VALIDATION', issues: [expect.objectContaining({ path: 'regionCode' })] }],
      [{ ...base, initiativeId: 'no-such', patch: { contactEstablished: true }, expected: { contactEstablished: false } }, { code: 'NOT_FOUND' }],
    ];
    for (const [payload, error] of cases) expect(await refused('updateContact', payload)).toMatchObject(error);
  });

  it('is refused to the anonymous visitor, a guest, a reader and an editor of another space', async () => {
    const payload = { initiativeId: first, regionCode: '01', patch: { contactEstablished: true }, expected: { contactEstablished: false } };
    expect(await refused('updateContact', payload, {}, 'anonymous')).toMatchObject({ code: 'PERMISSION', reason: 'anonymous' });
    expect(await refused('updateContact', payload, { accountType: 'unlicensed' })).toMatchObject({ code: 'PERMISSION', reason: 'unlicensed' });
    expect(await refused('updateContact', payload, {}, 'demo-viewer')).toMatchObject({ code: 'PERMISSION', reason: 'no-page-edit' });
    expect(await refused('updateContact', payload, { pageId: '2001', config: { programmeId: inf.programmeId } }, 'demo-editor-other')).toMatchObject({
      code: 'PERMISSION',
      reason: 'other-space',
    });
  });
});

describe('bulkUpdateContacts', () => {
  const unset = { contactEstablished: false, contactSince: null };
  const bulk = (regionCodes: string[], contactSince: string | null, expected: Record<string, unknown>) =>
    editor('bulkUpdateContacts', { initiativeId: first, regionCodes, contactSince, expected });
  const contactsOf = async (user: DemoUserId = 'demo-editor') => {
    const view = dataOf(await h.invoke(user, 'getView', {}, { moduleKey: 'support-plan' }));
    if (view.state !== 'ready') throw new Error('no view');
    return (view.view as SupportPlanView).initiatives.find((i) => i.initiative.id === first)!.contacts;
  };

  it('marks several participants established since one day, one history entry each, leaving contacts and flags alone', async () => {
    await roleAndPerson();
    // 01 has a public role and a person; unestablished again so the bulk edit changes it.
    dataOf(await setContact({ contactEstablished: false }, { contactEstablished: true }));
    const saved = dataOf(await bulk(['01', '03', '05'], '2026-03-02', { '01': unset, '03': unset, '05': unset }));
    expect(saved.cells.map((c) => [c.regionCode, c.contactEstablished, c.contactSince])).toEqual([
      ['01', true, '2026-03-02'],
      ['03', true, '2026-03-02'],
      ['05', true, '2026-03-02'],
    ]);
    const contacts = await contactsOf('demo-viewer');
    expect(contacts.filter((c) => ['01', '03', '05'].includes(c.regionCode)).every((c) => c.established && c.since === '2026-03-02')).toBe(true);
    // The details are untouched: the role still public, the person still not.
    expect((await details('anonymous')).cell).toMatchObject({ regionalContact: ROLE, nationalContact: '' });
    expect((await details('demo-editor')).cell).toMatchObject({ regionalContact: ROLE, nationalContact: PERSON });
    for (const code of ['03', '05']) {
      const history = dataOf(await editor('getHistory', { initiativeId: first, regionCode: code }));
      expect(history.entries[0]!.changes).toEqual([
        { field: 'contactEstablished', old: false, new: true },
        { field: 'contactSince', old: null, new: '2026-03-02' },
      ]);
    }
    // Again with the same value: nothing changes, nothing is written.
    const version = saved.initiativeVersion;
    const again = dataOf(await bulk(['03'], '2026-03-02', { '03': unset }));
    expect(again.initiativeVersion).toBe(version);
  });

  it('refuses a conflict, a day in the future or that does not exist, a missing expected value, an unknown participant and a reader, writing nothing', async () => {
    dataOf(await setContact({ contactEstablished: true, contactSince: '2026-01-05' }, { contactEstablished: false, contactSince: null }, '03'));
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01', '03'], contactSince: '2026-03-02', expected: { '01': unset, '03': unset } })).toMatchObject({
      code: 'CONFLICT',
      conflictingFields: ['03'],
    });
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01'], contactSince: daysFromNow(5), expected: { '01': unset } })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01'], contactSince: '2026-02-30', expected: { '01': unset } })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01'], contactSince: null, expected: {} })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01', 'zz'], contactSince: null, expected: { '01': unset, zz: unset } })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('bulkUpdateContacts', { initiativeId: first, regionCodes: ['01'], contactSince: null, expected: { '01': unset } }, {}, 'demo-viewer')).toMatchObject({ code: 'PERMISSION' });
  });
});

describe('a contact that is not public never reaches an anonymous reader', () => {
  beforeEach(roleAndPerson);

  it('getDetails: one cell, one initiative, one participant across the programme and the CSV pages; from the own and another space', async () => {
    const anywhere: InvokeOptions[] = [{}, { pageId: '2001', config: { programmeId: inf.programmeId } }];
    for (const where of anywhere) {
      const calls = [{ initiativeId: first, regionCode: '01' }, { initiativeId: first }, { regionCode: '01' }, {}];
      for (const payload of calls) {
        const page = dataOf(await h.invoke('anonymous', 'getDetails', payload, where));
        const text = JSON.stringify(page);
        expect(text).toContain(ROLE);
        expect(text).not.toContain('Anna');
        // As Forge calls for a visitor with no principal at all.
        const noPrincipal = JSON.stringify(dataOf(await h.invoke('anonymous', 'getDetails', payload, { ...where, noPrincipal: true })));
        expect(noPrincipal).not.toContain('Anna');
      }
    }
  });

  it('the views carry no contact text at all', async () => {
    for (const moduleKey of ['support-plan', 'rollout-status']) {
      const view = JSON.stringify(dataOf(await h.invoke('anonymous', 'getView', {}, { moduleKey })));
      expect(view).not.toContain('Anna');
    }
  });

  it('does not even tell the public that a contact it may not read exists (no empty popover), in both views', async () => {
    const hasDetailsIn = async (user: DemoUserId, regionCode: string) => {
      const support = dataOf(await h.invoke(user, 'getView', {}, { moduleKey: 'support-plan' }));
      const matrix = dataOf(await h.invoke(user, 'getView', {}, { moduleKey: 'rollout-status' }));
      if (support.state !== 'ready' || matrix.state !== 'ready') throw new Error('no view');
      const contact = (support.view as SupportPlanView).initiatives.find((i) => i.initiative.id === first)!.contacts.find((c) => c.regionCode === regionCode)!;
      const cell = (matrix.view as RolloutStatusView).rows.find((r) => r.initiative.id === first)!.cells.find((c) => c.regionCode === regionCode)!;
      return [contact.hasDetails, cell.hasDetails];
    };
    const bare = '25';
    expect(await hasDetailsIn('demo-editor', bare)).toEqual([false, false]);
    const sizeBefore = JSON.stringify(await h.invoke('anonymous', 'getView', {}, { moduleKey: 'support-plan' })).length;

    // Only a person, not public: the editor and a signed-in reader see details, the public sees none.
    dataOf(await setContact({ nationalContact: PERSON }, { nationalContact: '' }, bare));
    expect(await hasDetailsIn('demo-editor', bare)).toEqual([true, true]);
    expect(await hasDetailsIn('demo-viewer', bare)).toEqual([true, true]);
    expect(await hasDetailsIn('anonymous', bare)).toEqual([false, false]);
    // The public's view is the same size as before: nothing in it hints at the hidden contact.
    expect(JSON.stringify(await h.invoke('anonymous', 'getView', {}, { moduleKey: 'support-plan' })).length).toBe(sizeBefore);

    // Marked public, or beside a note the public may read: the public has details again.
    dataOf(await setContact({ nationalContactPublic: true }, { nationalContactPublic: false }, bare));
    expect(await hasDetailsIn('anonymous', bare)).toEqual([true, true]);
    dataOf(await setContact({ nationalContactPublic: false }, { nationalContactPublic: true }, bare));
    expect(await hasDetailsIn('anonymous', bare)).toEqual([false, false]);
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: bare, patch: { note: 'Planering pågår' }, expected: { note: '' } }));
    expect(await hasDetailsIn('anonymous', bare)).toEqual([true, true]);
    // The note gone again through the cell form: hidden once more; the contact gone: no details for anyone.
    dataOf(await editor('updateCell', { initiativeId: first, regionCode: bare, patch: { note: '' }, expected: { note: 'Planering pågår' } }));
    expect(await hasDetailsIn('anonymous', bare)).toEqual([false, false]);
    dataOf(await setContact({ nationalContact: '' }, { nationalContact: PERSON }, bare));
    expect(await hasDetailsIn('demo-editor', bare)).toEqual([false, false]);
  });

  it('the history is for licensed users only', async () => {
    expect(await refused('getHistory', { initiativeId: first, regionCode: '01' }, {}, 'anonymous')).toMatchObject({ code: 'PERMISSION', reason: 'anonymous' });
    expect(await refused('getHistory', {}, { accountType: 'unlicensed' })).toMatchObject({ code: 'PERMISSION', reason: 'unlicensed' });
    // The signed-in editor sees the whole change, the person included.
    expect(JSON.stringify(dataOf(await editor('getHistory', { initiativeId: first, regionCode: '01' })))).toContain('Anna');
  });

  it('the PDF/Word export (adfExport) has the public contact and not the other', async () => {
    for (const [moduleKey, run] of [
      ['support-plan', exportSupportPlan],
      ['rollout-status', exportRolloutStatus],
    ] as const) {
      const event = { exportType: 'pdf', context: macroContext('anonymous', { pageId: '1001', moduleKey }), extensionPayload: {} };
      const doc = await runInInvocation({ accountId: undefined }, () => run(event));
      // The support plan lists the contacts; the status matrix shows contacts only in its list form.
      if (moduleKey === 'support-plan') expect(allText(doc).join('\n')).toContain(ROLE);
      expect(JSON.stringify(doc)).not.toContain('Anna');
    }
  });
});
