/**
 * The iframe side of @forge/bridge `events` in the local host (dev/bridge/bridge.js), run in a bare VM
 * context with a fake window: what emit sends to the host page, what it refuses before sending, and how
 * a relayed event reaches the subscriptions. The host page's side and the whole path between real
 * iframes are covered in test/e2e/page-events.test.ts. docs/decisions/0019.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const BRIDGE_SOURCE = readFileSync(path.join(__dirname, '../../dev/bridge/bridge.js'), 'utf8');
const HOST_ORIGIN = 'http://localhost:4700';

interface Posted {
  source: string;
  type: string;
  id?: number;
  method?: string;
  payload?: any;
}

function loadBridge() {
  const posted: Posted[] = [];
  const listeners: Array<(e: unknown) => void> = [];
  const parent = {
    postMessage(message: Posted, origin: string) {
      expect(origin).toBe(HOST_ORIGIN);
      posted.push(message);
    },
  };
  const context = {
    localId: 'macro-1',
    extension: { type: 'macro' },
  };
  const dataBlock = { textContent: JSON.stringify({ instance: 'token', hostOrigin: HOST_ORIGIN, themeAttribute: 'light', context }) };
  const window: Record<string, unknown> = {
    parent,
    addEventListener(type: string, cb: (e: unknown) => void) {
      if (type === 'message') listeners.push(cb);
    },
  };
  const errors: unknown[][] = [];
  const sandbox = {
    window,
    document: {
      getElementById: (id: string) => (id === '__forge_host_context' ? dataBlock : null),
      readyState: 'loading',
      addEventListener() {},
    },
    performance: { timeOrigin: 0, now: () => 1 },
    console: { error: (...args: unknown[]) => errors.push(args), log() {} },
  };
  vm.createContext(sandbox);
  vm.runInContext(BRIDGE_SOURCE, sandbox);
  const callBridge = (window.__bridge as { callBridge(method: string, payload?: unknown): Promise<any> }).callBridge;

  /** A message from the host page, as the iframe's window receives it. */
  const fromHost = (data: unknown) => listeners.forEach((cb) => cb({ origin: HOST_ORIGIN, source: parent, data }));
  /** Answers the latest request the bridge sent. */
  const answer = (ok: boolean, error?: string) => {
    const request = posted.filter((m) => m.type === 'request').at(-1)!;
    fromHost({ source: 'forge-local-host', type: 'response', id: request.id, ok, error });
  };
  // Objects made in the VM have the VM's prototypes: JSON turns them into this realm's for comparison.
  const plain = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return { callBridge, posted, fromHost, answer, errors, plain, run: (code: string) => vm.runInContext(code, sandbox) };
}

describe('bridge.js events', () => {
  it('sends an emit to the host page as JSON text and resolves when the host has relayed it', async () => {
    const b = loadBridge();
    const done = b.callBridge('emit', { event: 'inforandeoversikt:data-changed', payload: { revision: 'r1', gone: undefined } });
    const request = b.posted.at(-1)!;
    expect(request).toMatchObject({ source: 'forge-local-bridge', type: 'request', method: 'emit' });
    expect(request.payload).toEqual({ event: 'inforandeoversikt:data-changed', public: false, json: '{"revision":"r1"}' });
    b.answer(true);
    await expect(done).resolves.toBeUndefined();
  });

  it('rejects the emit with the host page’s reason when the host refuses it', async () => {
    const b = loadBridge();
    const done = b.callBridge('emit', { event: 'big', payload: 'x' });
    b.answer(false, 'Forge event payload limit: …');
    await expect(done).rejects.toThrow('Forge event payload limit');
  });

  it('marks emitPublic as public and keeps an undefined payload undefined', () => {
    const b = loadBridge();
    void b.callBridge('emitPublic', { event: 'hello' });
    expect(b.posted.at(-1)!.payload).toEqual({ event: 'hello', public: true });
  });

  it.each([
    ['new Date(0)', 'payload is a Date, not a plain object'],
    ['({ m: new Map() })', 'payload.m is a Map'],
    ['({ f: function () {} })', 'payload.f is a function'],
    ['[1, Infinity]', 'payload[1] is Infinity'],
    ['[undefined]', 'payload[0] is undefined'],
    ['Symbol("s")', 'payload is a symbol'],
    ['(function () { var o = { a: [] }; o.a.push(o); return o; })()', 'payload.a[0] refers back to itself (a cycle)'],
  ])('refuses %s before anything is sent', async (make, message) => {
    const b = loadBridge();
    const payload = b.run(make);
    await expect(b.callBridge('emit', { event: 'odd', payload })).rejects.toThrow(message);
    expect(b.posted.filter((m) => m.type === 'request')).toEqual([]);
  });

  it('accepts the same object twice in a payload when it is not a cycle', () => {
    const b = loadBridge();
    const payload = b.run('(function () { var shared = { x: 1 }; return { a: shared, b: shared }; })()');
    void b.callBridge('emit', { event: 'twice', payload });
    expect(b.posted.at(-1)!.payload.json).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('needs an event name', async () => {
    const b = loadBridge();
    await expect(b.callBridge('emit', { event: '', payload: 1 })).rejects.toThrow('needs an event name');
    await expect(b.callBridge('on', { event: 'x' })).rejects.toThrow('needs an event name and a function');
  });

  it('keeps EXTENSION_READY for the host page’s ready record and relays it to no one', async () => {
    const b = loadBridge();
    await expect(b.callBridge('emit', { event: 'EXTENSION_READY', payload: { localId: 'macro-1' } })).resolves.toBeUndefined();
    expect(b.posted.map((m) => m.type)).toEqual(['ready']);
  });

  it('gives each subscription its own parse of a relayed event; private and public apart; unsubscribe ends one', async () => {
    const b = loadBridge();
    const got: Record<string, unknown[]> = { a: [], b: [], pub: [] };
    const subA = await b.callBridge('on', { event: 'choice', callback: (p: unknown) => got.a!.push(p) });
    await b.callBridge('on', { event: 'choice', callback: (p: unknown) => got.b!.push(p) });
    await b.callBridge('onPublic', { event: 'choice', callback: (p: unknown) => got.pub!.push(p) });

    b.fromHost({ source: 'forge-local-host', type: 'event', event: 'choice', public: false, json: '{"code":"12"}' });
    expect(got.a!.map(b.plain)).toEqual([{ code: '12' }]);
    expect(got.b!.map(b.plain)).toEqual([{ code: '12' }]);
    expect(got.a![0]).not.toBe(got.b![0]);
    expect(got.pub).toEqual([]);

    b.fromHost({ source: 'forge-local-host', type: 'event', event: 'choice', public: true, json: '"all"' });
    expect(got.pub).toEqual(['all']);
    expect(got.a).toHaveLength(1);

    subA.unsubscribe();
    b.fromHost({ source: 'forge-local-host', type: 'event', event: 'choice', public: false });
    expect(got.a).toHaveLength(1);
    expect(got.b!.map(b.plain)).toEqual([{ code: '12' }, undefined]);
  });

  it('keeps delivering when a handler throws or rejects, and logs it', async () => {
    const b = loadBridge();
    const got: unknown[] = [];
    await b.callBridge('on', { event: 'e', callback: () => {
        throw new Error('boom');
      } });
    await b.callBridge('on', { event: 'e', callback: () => Promise.reject(new Error('later')) });
    await b.callBridge('on', { event: 'e', callback: (p: unknown) => got.push(p) });
    b.fromHost({ source: 'forge-local-host', type: 'event', event: 'e', public: false, json: '1' });
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1]);
    expect(b.errors).toHaveLength(2);
  });

  it('ignores messages that are not from the host page', () => {
    const b = loadBridge();
    const got: unknown[] = [];
    void b.callBridge('on', { event: 'e', callback: (p: unknown) => got.push(p) });
    b.fromHost({ source: 'someone-else', type: 'event', event: 'e', public: false, json: '1' });
    expect(got).toEqual([]);
  });
});
