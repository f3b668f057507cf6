/**
 * The bindings in page-events.ts: the bridge module mocked (one FakePage port stands for @forge/bridge
 * `events`), localStorage mocked on globalThis. Loaded with jest.requireActual so the root tsconfig,
 * which cannot resolve the bridge's deep imports, does not follow the import.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { DataChange } from '../../../static/app/src/page-events/data-changed';
import { DATA_CHANGED_EVENT } from '../../../static/app/src/page-events/data-changed';
import { REGION_CHOICE_EVENT, REGION_CHOICE_REQUEST_EVENT, REGION_CHOICE_STORAGE_KEY } from '../../../static/app/src/page-events/region-choice';
import { FakePage, memoryStorage, settle } from './fake-events';

const mockPage = new FakePage();
const mockOther = mockPage.port();
const mockEvents = mockPage.port();

jest.mock('../../../static/app/src/bridge', () => ({
  events: { emit: (e: string, p?: unknown) => mockEvents.emit(e, p), on: (e: string, cb: (p?: unknown) => unknown) => mockEvents.on(e, cb) },
}));

interface PageEvents {
  useRegionChoice(): [string | null, (code: string | null) => void];
  useDataChanged(onChange: (change: DataChange) => void): void;
  announceDataChanged(change: DataChange): Promise<void>;
  regionChoiceStore(): { get(): string | null; set(code: string | null): void };
  dataChangedChannel(): { subscribe(listener: (change: DataChange) => void): () => void };
  resetPageEventsForTests(): void;
}

const pageEvents = jest.requireActual<PageEvents>('../../../static/app/src/page-events/page-events');
const local = memoryStorage();

beforeAll(() => {
  (globalThis as { localStorage?: unknown }).localStorage = local;
});
afterAll(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});
afterEach(() => {
  pageEvents.resetPageEventsForTests();
  local.map.clear();
  mockPage.sent.length = 0;
});

function RegionLabel() {
  const [code] = pageEvents.useRegionChoice();
  return createElement('span', null, code ?? 'none');
}

describe('useRegionChoice', () => {
  it('renders the remembered choice, from localStorage', () => {
    local.setItem(REGION_CHOICE_STORAGE_KEY, JSON.stringify({ v: 1, code: '12', at: 5 }));
    expect(renderToString(createElement(RegionLabel))).toBe('<span>12</span>');
  });

  it('renders none when nothing is chosen', () => {
    expect(renderToString(createElement(RegionLabel))).toBe('<span>none</span>');
  });

  it('sets through the store: remembered, and sent to the other macros through the bridge’s events', async () => {
    let setRegion: ((code: string | null) => void) | undefined;
    function Capture() {
      [, setRegion] = pageEvents.useRegionChoice();
      return null;
    }
    renderToString(createElement(Capture));
    await settle();
    expect(mockPage.sent.map((s) => s.event)).toEqual([REGION_CHOICE_REQUEST_EVENT]);
    setRegion!('03');
    expect(pageEvents.regionChoiceStore().get()).toBe('03');
    expect(JSON.parse(local.getItem(REGION_CHOICE_STORAGE_KEY)!)).toMatchObject({ v: 1, code: '03' });
    await settle();
    expect(mockPage.sent.at(-1)).toMatchObject({ event: REGION_CHOICE_EVENT, payload: { v: 1, code: '03' } });
  });

  it('takes up a choice another macro sends', async () => {
    const store = pageEvents.regionChoiceStore();
    await settle();
    await mockOther.emit(REGION_CHOICE_EVENT, { v: 1, code: '21', at: Date.now(), from: 'other' });
    await settle();
    expect(store.get()).toBe('21');
    expect(renderToString(createElement(RegionLabel))).toBe('<span>21</span>');
  });
});

describe('data changed', () => {
  it('announces a save through the bridge’s events', async () => {
    await pageEvents.announceDataChanged({ revision: 'rev-9', programmeId: 'fldv' });
    expect(mockPage.sent.at(-1)).toMatchObject({ event: DATA_CHANGED_EVENT, payload: { v: 1, revision: 'rev-9', programmeId: 'fldv' } });
  });

  it('tells the subscribers of this iframe when another macro saved', async () => {
    const heard: DataChange[] = [];
    pageEvents.dataChangedChannel().subscribe((c) => heard.push(c));
    await settle();
    await mockOther.emit(DATA_CHANGED_EVENT, { v: 1, revision: 'rev-10', programmeId: null, from: 'other' });
    await settle();
    expect(heard).toEqual([{ revision: 'rev-10', programmeId: null }]);
  });

  it('useDataChanged renders without subscribing on the server (effects only)', () => {
    function Refetching() {
      pageEvents.useDataChanged(() => undefined);
      return createElement('span', null, 'ok');
    }
    expect(renderToString(createElement(Refetching))).toBe('<span>ok</span>');
  });
});
