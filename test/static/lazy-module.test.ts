import { lazyModule } from '../../static/app/src/lazy-module';

describe('lazyModule', () => {
  it('downloads once, and answers the module synchronously once it is in', async () => {
    const load = jest.fn(() => Promise.resolve({ answer: 42 }));
    const lazy = lazyModule(load);
    expect(lazy.current()).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(lazy.current()).toEqual({ answer: 42 });
    await lazy.load();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed download: the next load tries again (offline, then online)', async () => {
    const load = jest
      .fn<Promise<{ answer: number }>, []>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ answer: 7 });
    const lazy = lazyModule(load);
    await expect(lazy.load()).rejects.toThrow('Failed to fetch');
    expect(lazy.current()).toBeUndefined();
    await expect(lazy.load()).resolves.toEqual({ answer: 7 });
    expect(lazy.current()).toEqual({ answer: 7 });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
