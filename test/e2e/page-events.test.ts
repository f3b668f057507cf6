/**
 * @forge/bridge `events` in the local host (docs/decisions/0019), in real Chromium: one macro's emit
 * reaches the other macros of the same app on the page, with its payload intact; nothing reaches
 * another app's iframe unless it is public; unsubscribe ends one subscription; a payload over the limit,
 * not plain JSON, or a bad name is refused and reaches no one.
 *
 * The frames call `window.__bridge.callBridge` exactly as @forge/bridge's events module does
 * (`callBridge('emit', { event, payload })`, `callBridge('on', { event, callback })`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { macroFrame, openHostPage, sharedHostAndBrowser, waitForMacrosReady } from './support';

const env = sharedHostAndBrowser();

const OTHER_APP = 'ari:cloud:ecosystem::app/11111111-2222-3333-4444-555555555555';

type Outcome = { ok: true } | { ok: false; message: string };

interface RelayedEvent {
  event: string;
  public: boolean;
  from: string;
  to: string[];
  bytes: number;
}

/**
 * Subscribes in a frame; what arrives is kept under `slot` (window.__got[slot]). A script string, as
 * below: a callback written here would be compiled with tsx's name helper, which the frame lacks.
 */
async function listen(frame: Frame, event: string, slot: string, method: 'on' | 'onPublic' = 'on'): Promise<void> {
  await frame.evaluate(`(async () => {
    const got = (window.__got ??= {});
    const list = (got[${JSON.stringify(slot)}] ??= []);
    const sub = await window.__bridge.callBridge(${JSON.stringify(method)}, {
      event: ${JSON.stringify(event)},
      callback: function (payload) { list.push(payload); },
    });
    (window.__subs ??= {})[${JSON.stringify(slot)}] = sub;
  })()`);
}

async function unsubscribe(frame: Frame, slot: string): Promise<void> {
  await frame.evaluate((slot) => (window as unknown as { __subs: Record<string, { unsubscribe(): void }> }).__subs[slot]!.unsubscribe(), slot);
}

async function received(frame: Frame, slot: string): Promise<unknown[]> {
  return frame.evaluate((slot) => (window as unknown as { __got?: Record<string, unknown[]> }).__got?.[slot] ?? [], slot);
}

async function waitForReceived(frame: Frame, slot: string, count: number): Promise<unknown[]> {
  await frame.waitForFunction(
    ({ slot, count }) => ((window as unknown as { __got?: Record<string, unknown[]> }).__got?.[slot]?.length ?? 0) >= count,
    { slot, count },
    { timeout: 10_000 },
  );
  return received(frame, slot);
}

/**
 * Emits from a frame; `make` is an expression built inside the frame (so a Date stays a Date). A string
 * evaluated by Playwright runs outside the frame's CSP, which forbids eval in the app itself.
 */
async function emit(frame: Frame, event: string, make: string, method: 'emit' | 'emitPublic' = 'emit'): Promise<Outcome> {
  const script = `(async () => {
    const payload = (${make});
    try {
      await window.__bridge.callBridge(${JSON.stringify(method)}, { event: ${JSON.stringify(event)}, payload });
      return { ok: true };
    } catch (e) {
      return { ok: false, message: e.message };
    }
  })()`;
  return (await frame.evaluate(script)) as Outcome;
}

async function relayed(page: Page): Promise<RelayedEvent[]> {
  return page.evaluate(() => (window as unknown as { __forgeEvents: RelayedEvent[] }).__forgeEvents);
}

async function localIds(page: Page): Promise<string[]> {
  return page.locator('iframe.macro-frame').evaluateAll((frames) => frames.map((f) => f.getAttribute('data-local-id') ?? ''));
}

/**
 * FIFO check for "did not arrive": postMessage from the host page to one iframe keeps its order, so once a
 * public sentinel emitted later has arrived, an earlier event that was going to arrive has arrived too.
 */
async function flush(from: Frame, to: Frame[], round: number): Promise<void> {
  for (const f of to) await listen(f, 'test:sentinel', `sentinel-${round}`, 'onPublic');
  assert.deepEqual(await emit(from, 'test:sentinel', String(round), 'emitPublic'), { ok: true });
  for (const f of to) await waitForReceived(f, `sentinel-${round}`, 1);
}

/** Adds an iframe of another app (the same build, so it has the bridge) to the page; returns its frame. */
async function addOtherAppFrame(page: Page): Promise<Frame> {
  await page.evaluate((otherApp) => {
    const template = document.querySelector('iframe.macro-frame[data-module-key="roadmap"]') as HTMLIFrameElement;
    const frame = document.createElement('iframe');
    for (const name of ['sandbox', 'allow', 'src']) frame.setAttribute(name, template.getAttribute(name)!);
    frame.className = 'macro-frame';
    frame.title = 'Another app';
    frame.setAttribute('data-local-id', 'other-app-macro');
    frame.setAttribute('data-module-key', 'other-app');
    frame.setAttribute('data-forge-app', otherApp);
    document.body.appendChild(frame);
  }, OTHER_APP);
  await page.waitForFunction(() => (window as unknown as { __macroReady: Record<string, number> }).__macroReady['other-app-macro'] !== undefined, undefined, {
    timeout: 30_000,
  });
  const frame = await (await page.locator('iframe[data-local-id="other-app-macro"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('The other app frame did not load');
  return frame;
}

describe('events between the macros on one page', () => {
  it('delivers one macro’s emit to the other macros of the app, with the payload intact', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const status = await macroFrame(page, 'rollout-status');
      const roadmap = await macroFrame(page, 'roadmap');
      const needs = await macroFrame(page, 'technical-needs');
      await listen(roadmap, 'inforandeoversikt:region-choice', 'choice');
      await listen(needs, 'inforandeoversikt:region-choice', 'choice');
      await listen(status, 'inforandeoversikt:region-choice', 'choice');

      const outcome = await emit(status, 'inforandeoversikt:region-choice', `{ v: 1, code: '12', at: 1700000000000, from: 'a', text: 'Västra Götaland – åäö', list: [1, null, true], gone: undefined }`);
      assert.deepEqual(outcome, { ok: true });

      const expected = { v: 1, code: '12', at: 1700000000000, from: 'a', text: 'Västra Götaland – åäö', list: [1, null, true] };
      assert.deepEqual(await waitForReceived(roadmap, 'choice', 1), [expected]);
      assert.deepEqual(await waitForReceived(needs, 'choice', 1), [expected]);
      // The emitter hears its own event too (Connect's rule; ?eventEcho=0 turns it off, below).
      assert.deepEqual(await waitForReceived(status, 'choice', 1), [expected]);

      const log = (await relayed(page)).filter((e) => e.event === 'inforandeoversikt:region-choice');
      assert.equal(log.length, 1);
      assert.equal(log[0]!.public, false);
      assert.deepEqual([...log[0]!.to].sort(), [...(await localIds(page))].sort(), 'every macro of the app on the page');
      assert.equal(await page.evaluate(() => (window as unknown as { __forgeEventsRefused: unknown[] }).__forgeEventsRefused.length), 0);
    } finally {
      await page.context().close();
    }
  });

  it('with ?eventEcho=0 the emitting macro does not hear its own event, the others still do', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'demo-viewer' });
    try {
      const url = new URL(page.url());
      url.searchParams.set('eventEcho', '0');
      await page.goto(url.toString());
      await waitForMacrosReady(page);
      const status = await macroFrame(page, 'rollout-status');
      const plan = await macroFrame(page, 'support-plan');
      await listen(status, 'inforandeoversikt:data-changed', 'saved');
      await listen(plan, 'inforandeoversikt:data-changed', 'saved');

      assert.deepEqual(await emit(status, 'inforandeoversikt:data-changed', `{ v: 1, revision: 'r-42', from: 'a' }`), { ok: true });
      assert.deepEqual(await waitForReceived(plan, 'saved', 1), [{ v: 1, revision: 'r-42', from: 'a' }]);
      await flush(plan, [status], 1);
      assert.deepEqual(await received(status, 'saved'), []);
      const log = (await relayed(page)).find((e) => e.event === 'inforandeoversikt:data-changed');
      assert.ok(log && !log.to.includes(log.from));
    } finally {
      await page.context().close();
    }
  });

  it('ends one subscription on unsubscribe and keeps the others', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const status = await macroFrame(page, 'rollout-status');
      const roadmap = await macroFrame(page, 'roadmap');
      await listen(roadmap, 'test:ping', 'first');
      await listen(roadmap, 'test:ping', 'second');
      assert.deepEqual(await emit(status, 'test:ping', '1'), { ok: true });
      await waitForReceived(roadmap, 'first', 1);
      await waitForReceived(roadmap, 'second', 1);
      await unsubscribe(roadmap, 'first');
      assert.deepEqual(await emit(status, 'test:ping', '2'), { ok: true });
      assert.deepEqual(await waitForReceived(roadmap, 'second', 2), [1, 2]);
      await flush(status, [roadmap], 1);
      assert.deepEqual(await received(roadmap, 'first'), [1]);
    } finally {
      await page.context().close();
    }
  });
});

describe('events and other apps', () => {
  it('keeps an app’s events within the app; public events reach every app, through onPublic only', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const status = await macroFrame(page, 'rollout-status');
      const roadmap = await macroFrame(page, 'roadmap');
      const other = await addOtherAppFrame(page);
      await listen(other, 'test:ping', 'private');
      await listen(roadmap, 'test:ping', 'private');
      await listen(other, 'test:ping', 'public', 'onPublic');
      await listen(roadmap, 'test:ping', 'public', 'onPublic');

      // Our app's private event: the roadmap hears it, the other app does not.
      assert.deepEqual(await emit(status, 'test:ping', `{ secret: 'ours' }`), { ok: true });
      assert.deepEqual(await waitForReceived(roadmap, 'private', 1), [{ secret: 'ours' }]);
      await flush(status, [other, roadmap], 1);
      assert.deepEqual(await received(other, 'private'), []);
      assert.deepEqual(await received(roadmap, 'public'), [], 'a private event is not heard by onPublic');

      // The other app's private event with the same name does not reach our macros.
      assert.deepEqual(await emit(other, 'test:ping', `{ secret: 'theirs' }`), { ok: true });
      await flush(other, [roadmap], 2);
      assert.deepEqual(await received(roadmap, 'private'), [{ secret: 'ours' }]);

      // A public event reaches both apps, and only their onPublic subscriptions.
      assert.deepEqual(await emit(status, 'test:ping', `{ hello: 'everyone' }`, 'emitPublic'), { ok: true });
      assert.deepEqual(await waitForReceived(other, 'public', 1), [{ hello: 'everyone' }]);
      assert.deepEqual(await waitForReceived(roadmap, 'public', 1), [{ hello: 'everyone' }]);
      assert.deepEqual(await received(roadmap, 'private'), [{ secret: 'ours' }]);

      const log = await relayed(page);
      const ours = log.find((e) => e.event === 'test:ping' && !e.public && e.from !== 'other-app-macro');
      assert.ok(ours && !ours.to.includes('other-app-macro'));
      const theirs = log.find((e) => e.event === 'test:ping' && !e.public && e.from === 'other-app-macro');
      assert.deepEqual(theirs?.to, ['other-app-macro']);
    } finally {
      await page.context().close();
    }
  });
});

describe('events the host refuses', () => {
  it('refuses a payload over the limit, one that is not plain JSON, and a bad name; no one hears them', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const status = await macroFrame(page, 'rollout-status');
      const roadmap = await macroFrame(page, 'roadmap');
      await listen(roadmap, 'test:big', 'big');
      await listen(roadmap, 'test:odd', 'odd');

      const limits = await page.evaluate(() => JSON.parse(document.querySelector('meta[name="forge-event-limits"]')!.getAttribute('content')!) as { payloadBytes: number; nameLength: number });
      assert.equal(limits.payloadBytes, 500 * 1024);

      // Exactly at the limit is allowed: a JSON string of n characters is n + 2 bytes.
      const atLimit = await emit(status, 'test:big', `'x'.repeat(${limits.payloadBytes - 2})`);
      assert.deepEqual(atLimit, { ok: true });
      const over = await emit(status, 'test:big', `'x'.repeat(${limits.payloadBytes - 1})`);
      assert.equal(over.ok, false);
      assert.match((over as { message: string }).message, /Forge event payload limit: the payload of "test:big" is 512001 bytes/);
      // Multi-byte characters count as their UTF-8 bytes.
      const wide = await emit(status, 'test:big', `'å'.repeat(${Math.ceil(limits.payloadBytes / 2)})`);
      assert.equal(wide.ok, false);

      for (const [make, why] of [
        ['new Date(0)', /payload is a Date, not a plain object/],
        ['{ when: new Map() }', /payload\.when is a Map/],
        ['{ f: () => 1 }', /payload\.f is a function/],
        ['[1, NaN]', /payload\[1\] is NaN/],
        ['(() => { const o = {}; o.self = o; return o; })()', /cycle/],
        ['[undefined]', /payload\[0\] is undefined/],
        ['10n', /bigint/],
      ] as const) {
        const outcome = await emit(status, 'test:odd', make);
        assert.equal(outcome.ok, false, make);
        assert.match((outcome as { message: string }).message, why, make);
      }

      const longName = await emit(status, 'x'.repeat(limits.nameLength + 1), '1');
      assert.equal(longName.ok, false);
      assert.match((longName as { message: string }).message, /Forge event name limit/);
      const noName = await emit(status, '', '1');
      assert.equal(noName.ok, false);

      await flush(status, [roadmap], 1);
      assert.equal((await received(roadmap, 'big')).length, 1, 'only the payload at the limit arrived');
      assert.deepEqual(await received(roadmap, 'odd'), []);
      const refused = await page.evaluate(() => (window as unknown as { __forgeEventsRefused: Array<{ event: string }> }).__forgeEventsRefused);
      assert.equal(refused.length, 3, 'the host refused the two oversized payloads and the long name (the bridge script stops the rest first)');
    } finally {
      await page.context().close();
    }
  });
});
