import { createExportHandler, EXPORT_DETAILS_MAX_CELLS, type ExportStorage } from '../../src/export/export-handler';
import { readExportEvent } from '../../src/export/export-event';
import { DEFAULT_CELL_DETAILS, type Initiative, type ParticipantDetails, type Programme } from '../../src/shared/model';
import { NOW, cell, initiative, programme } from '../domain/fixtures';
import { adfErrors, allText, linkHrefs } from './adf-schema';

const own = programme({ id: 'inf-prog', spaceKey: 'INF', name: 'Hemligt program', published: false });
const shared = programme({ id: 'pub-prog', spaceKey: 'PUB', name: 'Publicerat program', published: true });
const rows: Record<string, Initiative[]> = {
  'inf-prog': [
    initiative({
      name: 'Internt införande',
      cells: {
        '01': cell({ status: 'live', contactEstablished: true, hasDetails: true }),
        '03': cell({ status: 'pilot', hasDetails: true }),
      },
    }),
  ],
  'pub-prog': [initiative({ name: 'Öppet införande', programmeId: 'pub-prog' })],
};

/** The stored details of inf-prog, in two storage pages: what readDetailsPage hands out. */
const STOCKHOLM: ParticipantDetails = {
  cell: { ...DEFAULT_CELL_DETAILS, link: 'https://confluence.example/stockholm', regionalContact: 'Samordnare Stockholm' },
  needNotes: {},
  // An export leaves Confluence: only contacts marked public go in (decision 0020).
  publicContacts: { regional: true, national: false },
};
const UPPSALA: ParticipantDetails = {
  cell: { ...DEFAULT_CELL_DETAILS, link: 'https://confluence.example/uppsala', regionalContact: 'Samordnare Uppsala' },
  needNotes: {},
  publicContacts: { regional: true, national: false },
};
const DETAIL_PAGES: Record<string, Awaited<ReturnType<ExportStorage['readDetailsPage']>>> = {
  first: { entries: [{ initiativeId: 'init-1', code: '03', details: UPPSALA }], cursor: 'page-2' },
  'page-2': { entries: [{ initiativeId: 'init-1', code: '01', details: STOCKHOLM }], cursor: null },
};

function fakeStorage(overrides: Partial<ExportStorage> = {}): ExportStorage {
  const all: Record<string, Programme> = { [own.id]: own, [shared.id]: shared };
  const snapshot = (p: Programme | undefined) => (p ? { programme: p, initiatives: rows[p.id] } : null);
  return {
    readProgrammeSnapshot: async (_installation, id) => snapshot(all[id]),
    readDefaultProgrammeSnapshot: async (_installation, key) => snapshot(Object.values(all).find((p) => p.spaceKey === key)),
    // The fixtures' initiatives are whole already.
    withNeedProgress: async (_programmeId, initiatives) => initiatives,
    readDetailsPage: async (programmeId, cursor) =>
      programmeId === own.id ? DETAIL_PAGES[cursor ?? 'first']! : { entries: [], cursor: null },
    ...overrides,
  };
}

/** The resolver-style context Forge gives a macro, which the local host also passes to adfExport. */
function event(spaceKey: string | null, macroConfig: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
  return {
    exportType: 'pdf',
    extensionPayload: macroConfig === undefined ? {} : { config: macroConfig },
    context: {
      locale: 'sv-SE',
      extension: { type: 'macro', content: { id: '1001', type: 'page' }, ...(spaceKey ? { space: { id: '1', key: spaceKey } } : {}) },
      ...extra,
    },
  };
}

const text = (doc: unknown) => allText(doc).join('\n');

function handler(storage = fakeStorage(), log = jest.fn()) {
  return { run: createExportHandler('rollout-status', { storage, now: () => NOW, log }), log };
}

describe('adfExport handler: which programme, and the read rule', () => {
  it('exports the programme of the page’s own space when the macro names none', async () => {
    const out = await handler().run(event('INF', undefined));
    expect(adfErrors(out)).toEqual([]);
    expect(text(out)).toContain('Internt införande');
  });

  it('exports an unpublished programme on a page of its own space', async () => {
    expect(text(await handler().run(event('INF', { programmeId: 'inf-prog' })))).toContain('Hemligt program');
  });

  it('never exports an unpublished programme from another space, and does not name it', async () => {
    const out = await handler().run(event('OTHER', { programmeId: 'inf-prog' }));
    expect(adfErrors(out)).toEqual([]);
    expect(text(out)).toContain('Översikten kan inte visas på den här sidan.');
    expect(JSON.stringify(out)).not.toContain('Hemligt');
    expect(JSON.stringify(out)).not.toContain('Internt');
  });

  it('exports a published programme from another space', async () => {
    expect(text(await handler().run(event('OTHER', { programmeId: 'pub-prog' })))).toContain('Öppet införande');
  });

  it('without a known page space, exports only published programmes', async () => {
    expect(text(await handler().run(event(null, { programmeId: 'inf-prog' })))).toContain('kan inte visas');
    expect(text(await handler().run(event(null, { programmeId: 'pub-prog' })))).toContain('Öppet införande');
  });

  it('never asks storage for a configured id that the app could not have generated', async () => {
    const readProgrammeSnapshot = jest.fn(async () => null);
    const out = await handler(fakeStorage({ readProgrammeSnapshot })).run(event('INF', { programmeId: '../meta:revision' }));
    expect(readProgrammeSnapshot).not.toHaveBeenCalled();
    expect(text(out)).toContain('Det finns ingen översikt att visa här ännu.');
  });

  it('says calmly that there is nothing yet when the space has no programme or the id is unknown', async () => {
    expect(text(await handler().run(event('EMPTY', undefined)))).toContain('Det finns ingen översikt att visa här ännu.');
    expect(text(await handler().run(event('INF', { programmeId: 'gone' })))).toContain('Det finns ingen översikt att visa här ännu.');
  });

  it('turns a storage failure into a valid document with a message, and logs it', async () => {
    const { run, log } = handler(fakeStorage({ readDefaultProgrammeSnapshot: async () => Promise.reject(new Error('kvs down')) }));
    const out = await run(event('INF', undefined));
    expect(adfErrors(out)).toEqual([]);
    expect(text(out)).toContain('kunde inte tas med i exporten');
    expect(log).toHaveBeenCalled();
  });
});

describe('adfExport handler: output', () => {
  it('is built for the public: no editor names leave Confluence', async () => {
    expect(JSON.stringify(await handler().run(event('INF', undefined)))).not.toContain('Eva Editor');
  });

  it('follows the Confluence locale, English or else Swedish', async () => {
    expect(text(await handler().run(event('INF', undefined, { locale: 'en-US' })))).toContain('Last updated');
    expect(text(await handler().run(event('INF', undefined, { locale: 'fi-FI' })))).toContain('Senast uppdaterad');
  });

  it('honours the macro config: perspective and layout', async () => {
    const regionOnly = await handler().run(event('INF', { perspective: 'region', regionCode: '03' }));
    expect(text(regionOnly)).toContain('Uppsala');
    expect(text(regionOnly)).not.toContain('Stockholm');
  });
});

describe('adfExport handler: details (links, contacts, notes)', () => {
  it('reads every page of the programme’s details and puts them next to the statuses', async () => {
    const readDetailsPage = jest.fn(fakeStorage().readDetailsPage);
    const run = handler(fakeStorage({ readDetailsPage })).run;

    const matrix = await run(event('INF', undefined));
    expect(adfErrors(matrix)).toEqual([]);
    expect(linkHrefs(matrix)).toEqual(expect.arrayContaining(['https://confluence.example/stockholm', 'https://confluence.example/uppsala']));
    expect(readDetailsPage.mock.calls).toEqual([
      ['inf-prog', undefined],
      ['inf-prog', 'page-2'],
    ]);

    const list = await run(event('INF', { perspective: 'region', regionCode: '01' }));
    expect(text(list)).toContain('Ja (Samordnare Stockholm)');
    expect(text(list)).not.toContain('Samordnare Uppsala');
  });

  it('reads no details for a programme it may not export, and names none', async () => {
    const readDetailsPage = jest.fn(fakeStorage().readDetailsPage);
    const out = await handler(fakeStorage({ readDetailsPage })).run(event('OTHER', { programmeId: 'inf-prog' }));
    expect(text(out)).toContain('Översikten kan inte visas på den här sidan.');
    expect(readDetailsPage).not.toHaveBeenCalled();
    expect(JSON.stringify(out)).not.toMatch(/Samordnare|confluence\.example/);
  });

  it(`includes details up to ${EXPORT_DETAILS_MAX_CELLS} cells, and leaves them out beyond, without reading them`, async () => {
    const regions = Array.from({ length: 21 }, (_, k) => ({ code: String(k + 1).padStart(2, '0'), name: `Region ${k + 1}`, short: `R${k + 1}` }));
    const big = programme({ id: 'big-prog', spaceKey: 'BIG', participants: regions });
    const initiativesOf = (count: number) =>
      Array.from({ length: count }, (_, k) =>
        initiative({ id: `i${k}`, order: k, programmeId: big.id, cells: { '01': cell({ status: 'live', contactEstablished: true, hasDetails: true }) } }),
      );
    const exportWith = async (count: number) => {
      const snapshot = { programme: big, initiatives: initiativesOf(count) };
      const readDetailsPage = jest.fn(async () => ({
        entries: [{ initiativeId: 'i0', code: '01', details: STOCKHOLM }],
        cursor: null,
      }));
      const storage = fakeStorage({ readDefaultProgrammeSnapshot: async () => snapshot, readDetailsPage });
      const out = await handler(storage).run(event('BIG', { perspective: 'region', regionCode: '01' }));
      return { out, readDetailsPage };
    };

    expect(EXPORT_DETAILS_MAX_CELLS).toBe(50 * 21);
    const atLimit = await exportWith(50);
    expect(atLimit.readDetailsPage).toHaveBeenCalledTimes(1);
    expect(text(atLimit.out)).toContain('Ja (Samordnare Stockholm)');

    const beyond = await exportWith(51);
    expect(adfErrors(beyond.out)).toEqual([]);
    expect(beyond.readDetailsPage).not.toHaveBeenCalled();
    expect(text(beyond.out)).not.toContain('Samordnare Stockholm');
    // The document still has what the view draws.
    expect(text(beyond.out)).toContain('Infört');
  });

  it('turns a failure to read the details into a valid document with a message, and logs it', async () => {
    const { run, log } = handler(fakeStorage({ readDetailsPage: async () => Promise.reject(new Error('kvs down')) }));
    const out = await run(event('INF', undefined));
    expect(adfErrors(out)).toEqual([]);
    expect(text(out)).toContain('kunde inte tas med i exporten');
    expect(log).toHaveBeenCalled();
  });

  it('reads storage for the installation Forge names in its second argument', async () => {
    const readDefaultProgrammeSnapshot = jest.fn(fakeStorage().readDefaultProgrammeSnapshot);
    await handler(fakeStorage({ readDefaultProgrammeSnapshot })).run(event('INF', undefined), { installContext: 'ari:cloud:confluence::site/a' });
    expect(readDefaultProgrammeSnapshot).toHaveBeenCalledWith('ari:cloud:confluence::site/a', 'INF');
  });
});

describe('readExportEvent', () => {
  it('reads the config from the PDF layout (extensionPayload) and the Word layout (context)', () => {
    expect(readExportEvent({ extensionPayload: { config: { programmeId: 'a' } } }).config.programmeId).toBe('a');
    expect(readExportEvent({ context: { extension: { config: { programmeId: 'b' } } } }).config.programmeId).toBe('b');
    expect(readExportEvent({ context: { config: { programmeId: 'c' } } }).config.programmeId).toBe('c');
  });

  it('never takes the page space from the macro config', () => {
    expect(readExportEvent({ extensionPayload: { config: { spaceKey: 'INF', space: { key: 'INF' } } } }).spaceKey).toBeNull();
  });

  it('falls back to defaults for garbage', () => {
    const r = readExportEvent('nonsense');
    expect(r).toMatchObject({ spaceKey: null, locale: 'sv', timeZone: 'Europe/Stockholm', exportType: null });
    expect(r.config.perspective).toBe('programme');
    expect(readExportEvent({ context: { timezone: 'Not/AZone' } }).timeZone).toBe('Europe/Stockholm');
  });
});
