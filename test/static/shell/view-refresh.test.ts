import { ViewRefresher } from '../../../static/app/src/shell/view-refresh';

/** A getView whose answers the test releases one at a time. */
function controlledReads() {
  const pending: Array<(revision: string | null) => void> = [];
  const read = jest.fn(() => new Promise<string | null>((resolve) => pending.push(resolve)));
  const answer = async (revision: string | null) => {
    const next = pending.shift();
    if (!next) throw new Error('no read is waiting');
    next(revision);
    // Let the refresher see the answer and decide whether to read again.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, answer, waiting: () => pending.length };
}

describe('ViewRefresher', () => {
  it('ignores a revision the macro already shows', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    const read = jest.fn(async () => 'r1');
    expect(await r.changed('r1', read)).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });

  it('reads once for a new revision and reports that the view changed', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    const read = jest.fn(async () => 'r2');
    expect(await r.changed('r2', read)).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
    // The same revision announced again (another macro passing it on) reads nothing.
    expect(await r.changed('r2', read)).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('folds announcements that arrive during a read into at most one more read', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    const { read, answer, waiting } = controlledReads();
    const first = r.changed('r2', read);
    expect(waiting()).toBe(1);
    // Three saves elsewhere while the read is on its way.
    expect(await r.changed('r3', read)).toBe(false);
    expect(await r.changed('r4', read)).toBe(false);
    expect(await r.changed('r5', read)).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
    await answer('r2');
    expect(read).toHaveBeenCalledTimes(2);
    await answer('r5');
    expect(await first).toBe(true);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not read again when the read on its way already brought the announced revision', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    const { read, answer } = controlledReads();
    const first = r.changed('r2', read);
    await r.changed('r3', read);
    await answer('r3');
    expect(await first).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('knows the revision of the macro’s own reloads', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    // This macro saved and reloaded; another macro then passes the same revision on.
    r.showing('r2');
    const read = jest.fn(async () => 'r2');
    expect(await r.changed('r2', read)).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });

  it('does not loop on a failed read; the next announcement reads again', async () => {
    const r = new ViewRefresher();
    r.showing('r1');
    const failing = jest.fn(async () => null);
    expect(await r.changed('r2', failing)).toBe(false);
    expect(failing).toHaveBeenCalledTimes(1);
    const read = jest.fn(async () => 'r3');
    expect(await r.changed('r3', read)).toBe(true);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
