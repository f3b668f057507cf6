/**
 * Forge's invocation limits in the local host: a payload over 500 KB is refused before the function
 * runs, an answer over 5 MB after it ran, a function still running at 25 s is stopped (tests lower the
 * limit instead of waiting). Through the invoke runner with a fixture app, and through the HTTP endpoint
 * and the bridge script the macro iframes use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { kvs } from '@forge/kvs';
import { APP_SCOPES } from '../../dev/app-manifest';
import { DEMO_USERS } from '../../dev/demo-users';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { FORGE_INVOKE_LIMITS, jsonUtf8Bytes } from '../../dev/invoke-limits';
import { InvokeError, InvokeRunner, type MacroInstance } from '../../dev/invoke-runner';
import { LocalKvs } from '../../dev/kvs';
import { startServer, type RunningServer } from '../../dev/server';

const LIMITS_APP = path.join(__dirname, 'fixtures', 'limits-app');
const KB = 1024;
const MB = 1024 * KB;
const macro: MacroInstance = { pageId: '1001', localId: 'limits-1', moduleKey: 'limits-macro' };
const editor = DEMO_USERS['demo-editor'];

/** A payload whose JSON is exactly `bytes` bytes of UTF-8. */
function payloadOf(bytes: number, char = 'x'): { data: string } {
  const overhead = jsonUtf8Bytes({ data: '' });
  const perChar = Buffer.byteLength(char, 'utf8');
  if ((bytes - overhead) % perChar !== 0) throw new Error('pick a size the character divides');
  const payload = { data: char.repeat((bytes - overhead) / perChar) };
  expect(jsonUtf8Bytes(payload)).toBe(bytes);
  return payload;
}

/** The InvokeError a call fails with. */
async function invokeErrorOf(call: Promise<unknown>): Promise<InvokeError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvokeError);
  return error as InvokeError;
}

let store: LocalKvs;
/** For the runner's tests: a store of their own (the HTTP tests use the server's). */
function freshStore(): void {
  store = new LocalKvs({ entities: [] });
  installForgeRuntime({ kvs: store, confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
}

describe('the limits', () => {
  it("are Forge's documented numbers unless a test lowers them", () => {
    expect(FORGE_INVOKE_LIMITS).toEqual({ payloadBytes: 500 * KB, responseBytes: 5 * MB, timeoutMs: 25_000 });
    expect(new InvokeRunner({ appRoot: LIMITS_APP }).limits).toEqual(FORGE_INVOKE_LIMITS);
    expect(new InvokeRunner({ appRoot: LIMITS_APP, limits: { timeoutMs: 10 } }).limits).toEqual({ ...FORGE_INVOKE_LIMITS, timeoutMs: 10 });
  });
});

describe('invoke payload: 500 KB', () => {
  beforeEach(freshStore);
  const runner = new InvokeRunner({ appRoot: LIMITS_APP });
  const call = (functionKey: string, payload: unknown) => runner.invokeFunction({ functionKey, payload, macroInstance: macro, user: editor });

  it('delivers a 499 KB payload, and one of exactly 500 KB', async () => {
    await expect(call('payloadSize', payloadOf(499 * KB))).resolves.toEqual({ bytes: 499 * KB });
    await expect(call('payloadSize', payloadOf(500 * KB))).resolves.toEqual({ bytes: 500 * KB });
  });

  it('refuses a 501 KB payload, and one byte over 500 KB, without calling the function', async () => {
    const before = (await call('count', {})) as { invocations: number };
    for (const bytes of [501 * KB, 500 * KB + 1]) {
      const error = await invokeErrorOf(call('count', payloadOf(bytes)));
      expect(error).toMatchObject({ status: 413, code: 'INVOKE_PAYLOAD_TOO_LARGE' });
      expect(error.message).toContain('500 KB');
      expect(error.message).toContain(`${bytes} bytes`);
    }
    // The warm process counted only the calls that ran.
    expect(await call('count', {})).toMatchObject({ invocations: before.invocations + 1 });
  });

  it('measures UTF-8 bytes, not characters', async () => {
    // 300,000 characters, 600,000 bytes: over the limit although the string is shorter than 500 K.
    const payload = payloadOf(jsonUtf8Bytes({ data: '' }) + 600_000, 'å');
    expect(payload.data.length).toBeLessThan(500 * KB);
    await expect(invokeErrorOf(call('payloadSize', payload))).resolves.toMatchObject({ code: 'INVOKE_PAYLOAD_TOO_LARGE' });
  });
});

describe('invoke response: 5 MB', () => {
  beforeEach(freshStore);
  const runner = new InvokeRunner({ appRoot: LIMITS_APP });
  // The function answers 'x' × n, whose JSON is n + 2 bytes (the quotes).
  const big = (bytes: number, key?: string) =>
    runner.invokeFunction({ functionKey: 'big', payload: { bytes: bytes - 2, key }, macroInstance: macro, user: editor });

  it('delivers an answer of exactly 5 MB', async () => {
    expect(jsonUtf8Bytes(await big(5 * MB))).toBe(5 * MB);
  });

  it('fails an answer one byte over 5 MB, after the function ran: what it wrote stays written', async () => {
    const error = await invokeErrorOf(big(5 * MB + 1, 'side-effect'));
    expect(error).toMatchObject({ status: 502, code: 'INVOKE_RESPONSE_TOO_LARGE' });
    expect(error.message).toContain('5 MB');
    expect(await kvs.get('side-effect')).toBe('written before answering');
  });
});

describe('invocation time: 25 s', () => {
  beforeEach(freshStore);
  const runner = new InvokeRunner({ appRoot: LIMITS_APP, limits: { timeoutMs: 150 } });
  const slow = (ms: number, key?: string) => runner.invokeFunction({ functionKey: 'slow', payload: { ms, key }, macroInstance: macro, user: editor });

  it('lets a function finish within the limit', async () => {
    await expect(slow(20)).resolves.toBe('done');
  });

  it('stops a function that runs past the limit, and refuses what it tries to store afterwards', async () => {
    const started = Date.now();
    const error = await invokeErrorOf(slow(600, 'too-late'));
    expect(Date.now() - started).toBeLessThan(550);
    expect(error).toMatchObject({ status: 504, code: 'INVOCATION_TIMEOUT' });
    expect(error.message).toContain('150 ms');
    // Let the stopped function reach its write: on Forge it would not exist any more.
    await new Promise((r) => setTimeout(r, 600));
    expect(await kvs.get('too-late')).toBeUndefined();
    expect(store.units().writeUnits).toBe(0);
  });

  it('applies to adfExport functions too', async () => {
    const error = await invokeErrorOf(runner.exportMacro({ macroInstance: { ...macro, config: { ms: 600 } }, user: editor }));
    expect(error).toMatchObject({ code: 'INVOCATION_TIMEOUT' });
  });
});

describe('through the HTTP endpoint and the bridge', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, memory: true });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  async function postInvoke(payload: unknown): Promise<{ status: number; json: any }> {
    const page = await (await fetch(`${server.url}?user=anonymous&page=1001`)).text();
    const src = /<iframe class="macro-frame" src="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const res = await fetch(new URL('/api/invoke', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
      body: JSON.stringify({ instance: new URL(src).searchParams.get('instance'), functionKey: 'getView', payload }),
    });
    return { status: res.status, json: await res.json() };
  }

  it('answers a 501 KB payload with 413 and a message naming the limit; a 499 KB one reaches the resolver', async () => {
    const refused = await postInvoke(payloadOf(501 * KB));
    expect(refused.status).toBe(413);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'INVOKE_PAYLOAD_TOO_LARGE', message: expect.stringContaining('500 KB') } });
    const delivered = await postInvoke(payloadOf(499 * KB));
    // The resolver ran and answered (whatever it thinks of the payload): the host did not refuse it.
    expect(delivered.status).toBe(200);
    expect(delivered.json.ok).toBe(true);
    expect(delivered.json.body).toHaveProperty('ok');
  });

  it('names the limit even for a body too large for the host to read', async () => {
    const refused = await postInvoke(payloadOf(6 * MB));
    expect(refused.status).toBe(413);
    expect(refused.json.error.message).toMatch(/^Forge invoke payload limit: the payload is more than \d+ bytes, over the 500 KB/);
  });

  it("makes the app's invoke promise reject with an Error whose message names the limit", async () => {
    const { json } = await postInvoke(payloadOf(501 * KB));
    const bridge = loadBridge();
    const invoked = bridge.callBridge('invoke', { functionKey: 'getView', payload: payloadOf(501 * KB) });
    // What host.js does: it posts the server's JSON back to the iframe.
    bridge.answer(json);
    const error = await invoked.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(bridge.Error);
    expect(error!.message).toMatch(/^Forge invoke payload limit: .* over the 500 KB \(512000 bytes\) limit/);
  });
});

/** dev/bridge/bridge.js in a bare VM with just enough of a browser: postMessage in and out. */
function loadBridge() {
  const HOST = 'http://localhost:1';
  const posted: Array<{ id: number; method: string }> = [];
  const listeners: Array<(event: unknown) => void> = [];
  const parent = { postMessage: (message: { type: string; id: number; method: string }) => message.type === 'request' && posted.push(message) };
  const window: Record<string, unknown> = {
    parent,
    addEventListener: (type: string, cb: (event: unknown) => void) => type === 'message' && listeners.push(cb),
  };
  const document = {
    readyState: 'loading',
    getElementById: () => ({ textContent: JSON.stringify({ instance: 'i', hostOrigin: HOST, context: { localId: 'l' } }) }),
    addEventListener: () => undefined,
  };
  const context = vm.createContext({ window, document, console, setTimeout, performance, JSON, Object, Promise, Error });
  vm.runInContext(readFileSync(path.join(__dirname, '../../dev/bridge/bridge.js'), 'utf8'), context);
  const callBridge = (window.__bridge as { callBridge: (method: string, payload: unknown) => Promise<unknown> }).callBridge;
  return {
    callBridge,
    Error: vm.runInContext('Error', context) as ErrorConstructor,
    answer(result: unknown) {
      const request = posted.shift()!;
      for (const cb of listeners) cb({ origin: HOST, source: parent, data: { source: 'forge-local-host', type: 'response', id: request.id, ok: true, result } });
    },
  };
}
