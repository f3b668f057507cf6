import {
  REGION_CHOICE_EVENT,
  REGION_CHOICE_REQUEST_EVENT,
  REGION_CHOICE_STORAGE_KEY,
  RegionChoiceStore,
  deviceStorage,
  isRegionCode,
  readStoredChoice,
  type KeyValueStorage,
} from '../../../static/app/src/page-events/region-choice';
import { FakePage, memoryStorage, settle } from './fake-events';

const stored = (code: string | null, at: number) => JSON.stringify({ v: 1, code, at });

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('region codes', () => {
  it.each(['01', 'AB', 'se-12', 'kommun_0180', 'x'.repeat(16)])('accepts %s', (code) => expect(isRegionCode(code)).toBe(true));
  it.each(['', 'x'.repeat(17), '12 ', 'å', '<b>', null, 12, undefined])('refuses %p', (code) => expect(isRegionCode(code)).toBe(false));
});

describe('device storage', () => {
  it('uses localStorage when the iframe may', () => {
    const local = memoryStorage();
    const storage = deviceStorage(() => local);
    storage.setItem('k', 'v');
    expect(local.map.get('k')).toBe('v');
    expect(storage.getItem('k')).toBe('v');
    expect(local.map.has(`${REGION_CHOICE_STORAGE_KEY}.probe`)).toBe(false);
  });

  it('falls back to memory when even reaching localStorage throws (sandboxed iframe)', () => {
    const storage = deviceStorage(() => {
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    });
    expect(storage.getItem('k')).toBeNull();
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(storage.getItem('k')).toBeNull();
  });

  it('falls back to memory when writing is refused (quota 0 in a private window)', () => {
    const refusing: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const storage = deviceStorage(() => refusing);
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });

  it('keeps working when storage starts refusing later', () => {
    const local = memoryStorage();
    const storage = deviceStorage(() => local);
    storage.setItem('k', 'v');
    local.getItem = () => {
      throw new Error('blocked');
    };
    local.setItem = () => {
      throw new Error('blocked');
    };
    expect(storage.getItem('k')).toBe('v');
    storage.setItem('k', 'w');
    expect(storage.getItem('k')).toBe('w');
  });

  it('works without any localStorage (the default lookup in node finds none)', () => {
    const storage = deviceStorage();
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });

  it('reads nothing chosen from a missing, broken or foreign entry', () => {
    expect(readStoredChoice(memoryStorage())).toEqual({ code: null, at: 0 });
    for (const text of ['{', '"12"', stored('12', 0), JSON.stringify({ v: 2, code: '12', at: 5 }), stored('<script>', 5)]) {
      expect(readStoredChoice(memoryStorage({ [REGION_CHOICE_STORAGE_KEY]: text }))).toEqual({ code: null, at: 0 });
    }
    expect(readStoredChoice(memoryStorage({ [REGION_CHOICE_STORAGE_KEY]: stored('12', 5) }))).toEqual({ code: '12', at: 5 });
  });
});

describe('the region-choice store', () => {
  it('starts from the remembered choice, and remembers a new one', () => {
    const storage = memoryStorage({ [REGION_CHOICE_STORAGE_KEY]: stored('03', 10) });
    const store = new RegionChoiceStore({ storage, now: clock().now });
    expect(store.get()).toBe('03');
    store.set('12');
    expect(store.get()).toBe('12');
    expect(JSON.parse(storage.map.get(REGION_CHOICE_STORAGE_KEY)!)).toEqual({ v: 1, code: '12', at: 1_700_000_000_000 });
    store.set(null);
    expect(store.get()).toBeNull();
    expect(readStoredChoice(storage).code).toBeNull();
  });

  it('tells its subscribers, once per change, and stops when they unsubscribe', () => {
    const store = new RegionChoiceStore({ storage: memoryStorage() });
    const calls: Array<string | null> = [];
    const stop = store.subscribe(() => calls.push(store.get()));
    store.set('01');
    store.set('01');
    store.set('02');
    stop();
    store.set('03');
    expect(calls).toEqual(['01', '02']);
  });

  it('refuses a code that is not a region code', () => {
    const store = new RegionChoiceStore({ storage: memoryStorage() });
    expect(() => store.set('not a code')).toThrow('Not a region code');
    expect(store.get()).toBeNull();
  });

  it('works with storage refused: the choice lives in memory', () => {
    const store = new RegionChoiceStore({
      storage: deviceStorage(() => {
        throw new Error('SecurityError');
      }),
    });
    store.set('14');
    expect(store.get()).toBe('14');
  });

  it('makes a later choice newer even when the clock stepped back', () => {
    const c = clock();
    const store = new RegionChoiceStore({ storage: memoryStorage(), now: c.now });
    store.set('01');
    c.advance(-60_000);
    store.set('02');
    expect(store.choice().at).toBe(1_700_000_000_001);
  });
});

for (const echo of [false, true]) {
  describe(`between macros on one page (Forge ${echo ? 'hands the emitter its own event' : 'does not echo'})`, () => {
    function macro(page: FakePage, storage: KeyValueStorage = memoryStorage(), now = clock().now) {
      const port = page.port();
      const store = new RegionChoiceStore({ storage, events: port, now, senderId: `macro-${port.index}` });
      store.connect();
      return { port, store, storage };
    }

    it('applies a choice made in one macro in every other, each told once', async () => {
      const page = new FakePage(echo);
      const [a, b, c] = [macro(page), macro(page), macro(page)];
      await settle();
      const heard = { a: 0, b: 0, c: 0 };
      a.store.subscribe(() => heard.a++);
      b.store.subscribe(() => heard.b++);
      c.store.subscribe(() => heard.c++);

      a.store.set('12');
      expect(a.store.get()).toBe('12');
      await settle();
      expect([b.store.get(), c.store.get()]).toEqual(['12', '12']);
      expect(heard).toEqual({ a: 1, b: 1, c: 1 });

      const choices = page.sent.filter((s) => s.event === REGION_CHOICE_EVENT);
      expect(choices).toEqual([{ from: 0, event: REGION_CHOICE_EVENT, payload: { v: 1, code: '12', at: 1_700_000_000_000, from: 'macro-0' } }]);
    });

    it('applies clearing the choice too', async () => {
      const page = new FakePage(echo);
      const [a, b] = [macro(page), macro(page)];
      await settle();
      a.store.set('12');
      await settle();
      b.store.set(null);
      await settle();
      expect([a.store.get(), b.store.get()]).toEqual([null, null]);
    });

    it('keeps the newest choice when two macros choose at once', async () => {
      const page = new FakePage(echo);
      const early = clock(1000);
      const late = clock(2000);
      const a = macro(page, memoryStorage(), early.now);
      const b = macro(page, memoryStorage(), late.now);
      await settle();
      b.store.set('02');
      a.store.set('01');
      await settle();
      expect([a.store.get(), b.store.get()]).toEqual(['02', '02']);
    });

    it('ignores payloads that are not a choice of this version', async () => {
      const page = new FakePage(echo);
      const a = macro(page);
      const stranger = page.port();
      await settle();
      for (const payload of [null, 'x', { v: 2, code: '12', at: 5 }, { v: 1, code: '<b>', at: 5 }, { v: 1, code: '12', at: -1 }, { v: 1, code: '12' }]) {
        await stranger.emit(REGION_CHOICE_EVENT, payload);
      }
      await settle();
      expect(a.store.get()).toBeNull();
    });

    it('brings a macro that starts later and has no storage up to date by asking the others', async () => {
      const page = new FakePage(echo);
      const refused = () =>
        deviceStorage(() => {
          throw new Error('SecurityError');
        });
      const a = macro(page, refused());
      await settle();
      a.store.set('21');
      await settle();
      const late = macro(page, refused());
      expect(late.store.get()).toBeNull();
      await settle();
      expect(late.store.get()).toBe('21');
      expect(page.sent.filter((s) => s.event === REGION_CHOICE_REQUEST_EVENT).map((s) => s.from)).toEqual([0, 1]);
    });

    it('does not answer a request when nothing was chosen', async () => {
      const page = new FakePage(echo);
      macro(page);
      await settle();
      macro(page);
      await settle();
      expect(page.sent.filter((s) => s.event === REGION_CHOICE_EVENT)).toEqual([]);
    });

    it('stops hearing the others after dispose', async () => {
      const page = new FakePage(echo);
      const [a, b] = [macro(page), macro(page)];
      await settle();
      b.store.dispose();
      expect(page.subscriptions(1, REGION_CHOICE_EVENT)).toBe(0);
      a.store.set('05');
      await settle();
      expect(b.store.get()).toBeNull();
    });
  });
}

it('shares storage between macros of the app: a macro loaded later starts from the stored choice', async () => {
  const page = new FakePage();
  const shared = memoryStorage();
  const a = new RegionChoiceStore({ storage: shared, events: page.port() });
  a.connect();
  a.set('09');
  await settle();
  const later = new RegionChoiceStore({ storage: shared, events: page.port() });
  expect(later.get()).toBe('09');
});

it('never writes an older choice over a newer stored one, and takes the newer one instead', async () => {
  const page = new FakePage();
  const shared = memoryStorage();
  const a = new RegionChoiceStore({ storage: memoryStorage(), events: page.port(), now: () => 1000, senderId: 'a' });
  const b = new RegionChoiceStore({ storage: shared, events: page.port(), senderId: 'b' });
  // A third macro stored a newer choice that b has not heard of.
  shared.map.set(REGION_CHOICE_STORAGE_KEY, stored('07', 5000));
  a.connect();
  b.connect();
  a.set('01');
  await settle();
  expect(b.get()).toBe('07');
  expect(readStoredChoice(shared)).toEqual({ code: '07', at: 5000 });
});
