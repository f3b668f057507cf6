import { DATA_CHANGED_EVENT, DataChangedChannel, parseDataChange, type DataChange } from '../../../static/app/src/page-events/data-changed';
import { FakePage, settle } from './fake-events';

describe('the data-changed payload', () => {
  it('reads a change of this version', () => {
    expect(parseDataChange({ v: 1, revision: 'r1', programmeId: 'p1', from: 'x' })).toEqual({ revision: 'r1', programmeId: 'p1', from: 'x' });
    expect(parseDataChange({ v: 1, revision: 'r1', from: 'x' })).toEqual({ revision: 'r1', programmeId: null, from: 'x' });
  });

  it.each([null, 'r1', { v: 2, revision: 'r1' }, { v: 1, revision: '' }, { v: 1, revision: 'x'.repeat(201) }, { v: 1, revision: 5 }, { v: 1, revision: 'r', programmeId: 7 }])(
    'refuses %p',
    (payload) => expect(parseDataChange(payload)).toBeNull(),
  );
});

for (const echo of [false, true]) {
  describe(`after a save (Forge ${echo ? 'hands the emitter its own event' : 'does not echo'})`, () => {
    function macro(page: FakePage) {
      const port = page.port();
      const channel = new DataChangedChannel({ events: port, senderId: `macro-${port.index}` });
      const heard: DataChange[] = [];
      channel.subscribe((c) => heard.push(c));
      return { channel, heard };
    }

    it('tells every other macro the new revision, once; the saver hears nothing', async () => {
      const page = new FakePage(echo);
      const [a, b, c] = [macro(page), macro(page), macro(page)];
      await settle();
      await a.channel.announce({ revision: 'rev-2', programmeId: 'fldv' });
      await settle();
      expect(a.heard).toEqual([]);
      expect(b.heard).toEqual([{ revision: 'rev-2', programmeId: 'fldv' }]);
      expect(c.heard).toEqual([{ revision: 'rev-2', programmeId: 'fldv' }]);
      expect(page.sent).toEqual([{ from: 0, event: DATA_CHANGED_EVENT, payload: { v: 1, revision: 'rev-2', programmeId: 'fldv', from: 'macro-0' } }]);
    });

    it('hears a revision once however often it is announced, and each new one', async () => {
      const page = new FakePage(echo);
      const [a, b, c] = [macro(page), macro(page), macro(page)];
      await settle();
      await a.channel.announce({ revision: 'rev-3', programmeId: null });
      await b.channel.announce({ revision: 'rev-3', programmeId: null });
      await settle();
      await a.channel.announce({ revision: 'rev-4', programmeId: null });
      await settle();
      expect(c.heard.map((h) => h.revision)).toEqual(['rev-3', 'rev-4']);
      expect(b.heard.map((h) => h.revision)).toEqual(['rev-4']);
    });

    it('stops telling a listener that unsubscribed, and keeps telling the others', async () => {
      const page = new FakePage(echo);
      const a = macro(page);
      const port = page.port();
      const channel = new DataChangedChannel({ events: port });
      const first: string[] = [];
      const second: string[] = [];
      const stop = channel.subscribe((c) => first.push(c.revision));
      channel.subscribe((c) => second.push(c.revision));
      await settle();
      await a.channel.announce({ revision: 'r1', programmeId: null });
      await settle();
      stop();
      await a.channel.announce({ revision: 'r2', programmeId: null });
      await settle();
      expect(first).toEqual(['r1']);
      expect(second).toEqual(['r1', 'r2']);
    });

    it('keeps telling the other listeners when one throws', async () => {
      const page = new FakePage(echo);
      const a = macro(page);
      const channel = new DataChangedChannel({ events: page.port() });
      const heard: string[] = [];
      const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      channel.subscribe(() => {
        throw new Error('boom');
      });
      channel.subscribe((c) => heard.push(c.revision));
      await settle();
      await a.channel.announce({ revision: 'r1', programmeId: null });
      await settle();
      expect(heard).toEqual(['r1']);
      expect(error).toHaveBeenCalledTimes(1);
      error.mockRestore();
    });
  });
}

it('refuses to announce without a revision', async () => {
  await expect(new DataChangedChannel().announce({ revision: '', programmeId: null })).rejects.toThrow('needs the revision');
});

it('announces without events (a host without them) and resolves', async () => {
  await expect(new DataChangedChannel().announce({ revision: 'r', programmeId: null })).resolves.toBeUndefined();
});

it('resolves an announce that the host refuses: the save stands', async () => {
  const channel = new DataChangedChannel({
    events: { emit: () => Promise.reject(new Error('refused')), on: async () => ({ unsubscribe() {} }) },
  });
  await expect(channel.announce({ revision: 'r', programmeId: null })).resolves.toBeUndefined();
});

it('stops hearing after dispose', async () => {
  const page = new FakePage();
  const a = new DataChangedChannel({ events: page.port() });
  const b = new DataChangedChannel({ events: page.port() });
  const heard: string[] = [];
  b.subscribe((c) => heard.push(c.revision));
  await settle();
  b.dispose();
  expect(page.subscriptions(1, DATA_CHANGED_EVENT)).toBe(0);
  await a.announce({ revision: 'r', programmeId: null });
  await settle();
  expect(heard).toEqual([]);
});
