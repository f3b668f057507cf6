/*
 * The host page's side of the bridge (what Confluence's frontend does for a Forge macro): sizes each
 * iframe to its content, records the ready event, relays events between the app's iframes, opens http(s)
 * links the app asks for, and runs the config dialog. Every message is checked against the app's origin
 * and a known iframe; the host never reaches into an iframe's DOM (it cannot: another origin).
 *
 * Events (@forge/bridge `events`, docs/decisions/0019): `emit` goes to the iframes of the same app
 * (data-forge-app) on the page and to no other app; `emitPublic` to every app's iframes, where only
 * `onPublic` hears it. Whether Forge also hands an event back to the iframe that emitted it is not
 * documented; Connect's host (the same API before Forge) does, so this host does too, and
 * `?eventEcho=0` on the page URL turns that off: app code must work either way. A payload over
 * FORGE_EVENT_LIMITS (dev/bridge/event-limits.ts), or not JSON, is refused and the emit promise rejects.
 * `window.__forgeEvents` records each relayed event and `window.__forgeEventsRefused` each refused one.
 *
 * Loaded synchronously in <head>, so the message listener exists before any iframe can talk.
 */
/* global window, document, location, Element */
(function () {
  'use strict';

  var appOrigin = document.querySelector('meta[name="forge-app-origin"]').content;
  var appIdMeta = document.querySelector('meta[name="forge-app-id"]');
  var appId = appIdMeta ? appIdMeta.content : '';
  var limitsMeta = document.querySelector('meta[name="forge-event-limits"]');
  var eventLimits = limitsMeta ? JSON.parse(limitsMeta.content) : { payloadBytes: 512000, nameLength: 256 };
  var eventEcho = new URLSearchParams(location.search).get('eventEcho') !== '0';

  /** For tests: every event relayed ({ event, public, from, to, bytes }) and every event refused. */
  window.__forgeEvents = window.__forgeEvents || [];
  window.__forgeEventsRefused = window.__forgeEventsRefused || [];

  /** For benchmarks and tests: host-page performance.now() when each macro said it was ready. */
  window.__macroReady = window.__macroReady || {};
  /** Per macro: when its document started loading and when it was ready, both in host-page time. */
  window.__macroTiming = window.__macroTiming || {};
  /** Content-Security-Policy violations reported from inside the macro iframes (should stay empty). */
  window.__cspViolations = window.__cspViolations || [];

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe.macro-frame, iframe.config-frame'));
  }

  function frameOf(source) {
    var list = frames();
    for (var i = 0; i < list.length; i++) if (list[i].contentWindow === source) return list[i];
    return null;
  }

  function reply(frame, id, ok, resultOrError) {
    var message = { source: 'forge-local-host', type: 'response', id: id, ok: ok };
    if (ok) message.result = resultOrError;
    else message.error = resultOrError;
    frame.contentWindow.postMessage(message, appOrigin);
  }

  // ------------------------------------------------------------ navigation

  function pageUrl(pageId) {
    var url = new URL(location.href);
    url.searchParams.set('page', pageId);
    return url.toString();
  }

  /** The URL a navigation location means here, or throws with the reason it is refused. */
  function resolveLocation(payload) {
    if (!payload || typeof payload !== 'object') throw new Error('A location is required');
    if (typeof payload.url === 'string') {
      var url;
      try {
        url = new URL(payload.url, location.origin);
      } catch (_e) {
        throw new Error('Not a URL: ' + payload.url);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Only http(s) links can be opened, not ' + url.protocol);
      return url.toString();
    }
    if (payload.target === 'contentView' && payload.contentId) return pageUrl(String(payload.contentId));
    if (payload.target === 'spaceView' && payload.spaceKey) {
      var homes = { INF: '1001', OTHER: '2001', EMPTY: '3001' };
      if (homes[payload.spaceKey]) return pageUrl(homes[payload.spaceKey]);
    }
    throw new Error('The local host cannot navigate to ' + JSON.stringify(payload));
  }

  // ------------------------------------------------------------ events between iframes

  function appOf(frame) {
    return frame.getAttribute('data-forge-app') || '';
  }

  function frameName(frame) {
    var localId = frame.getAttribute('data-local-id') || '';
    return frame.classList.contains('config-frame') ? localId + ':config' : localId;
  }

  function utf8Bytes(text) {
    return new TextEncoder().encode(text).length;
  }

  /** Why the host refuses an event, or null. The bridge script checked the payload is plain JSON. */
  function eventProblem(p) {
    if (typeof p.event !== 'string' || p.event === '') return 'An event needs a name (a non-empty string)';
    if (p.event.length > eventLimits.nameLength) {
      return 'Forge event name limit: the name is ' + p.event.length + ' characters, over the ' + eventLimits.nameLength + ' allowed';
    }
    if (p.json === undefined) return null;
    if (typeof p.json !== 'string') return 'The event payload did not arrive as JSON text';
    try {
      JSON.parse(p.json);
    } catch (_e) {
      return 'The event payload is not JSON';
    }
    var bytes = utf8Bytes(p.json);
    if (bytes > eventLimits.payloadBytes) {
      return (
        'Forge event payload limit: the payload of "' + p.event + '" is ' + bytes + ' bytes, over the ' + eventLimits.payloadBytes +
        ' bytes this host allows (Forge documents no limit; the host uses the invoke payload limit). Nothing was delivered.'
      );
    }
    return null;
  }

  function relayEvent(frame, message) {
    var p = message.payload || {};
    var isPublic = p.public === true;
    var problem = eventProblem(p);
    if (problem) {
      window.__forgeEventsRefused.push({ event: String(p.event), public: isPublic, from: frameName(frame), reason: problem });
      reply(frame, message.id, false, problem);
      return;
    }
    var targets = frames().filter(function (other) {
      if (!other.contentWindow) return false;
      if (other === frame && !eventEcho) return false;
      return isPublic || appOf(other) === appOf(frame);
    });
    var event = { source: 'forge-local-host', type: 'event', event: p.event, public: isPublic, json: p.json };
    targets.forEach(function (other) {
      other.contentWindow.postMessage(event, appOrigin);
    });
    window.__forgeEvents.push({
      event: p.event,
      public: isPublic,
      from: frameName(frame),
      to: targets.map(frameName),
      bytes: p.json === undefined ? 0 : utf8Bytes(p.json),
    });
    reply(frame, message.id, true, undefined);
  }

  // ------------------------------------------------------------ the app's backend calls

  /**
   * invoke and submit, on the app's behalf, from this page's origin (as Confluence's frontend calls Forge
   * for an app). The macro instance is the one this iframe was rendered with, read from its own src: a
   * message cannot name another iframe's instance.
   */
  var SERVER_CALLS = { invoke: '/api/invoke', submit: '/api/submit' };
  function serverCall(frame, message) {
    var instance = new URL(frame.src).searchParams.get('instance');
    var body = Object.assign({}, message.payload || {}, { instance: instance });
    fetch(SERVER_CALLS[message.method], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().then(
          function (json) {
            reply(frame, message.id, true, json);
          },
          function () {
            reply(frame, message.id, false, 'The local Forge host answered HTTP ' + res.status + ' without JSON');
          },
        );
      })
      .catch(function (e) {
        reply(frame, message.id, false, 'The local Forge host could not be reached: ' + e.message);
      });
  }

  function handleRequest(frame, message) {
    try {
      if (Object.prototype.hasOwnProperty.call(SERVER_CALLS, message.method)) {
        serverCall(frame, message);
      } else if (message.method === 'emit') {
        relayEvent(frame, message);
      } else if (message.method === 'navigate') {
        var target = resolveLocation(message.payload);
        if (message.payload.type === 'new-tab') window.open(target, '_blank', 'noopener,noreferrer');
        else location.assign(target);
        reply(frame, message.id, true, undefined);
      } else if (message.method === 'getUrl') {
        reply(frame, message.id, true, resolveLocation(message.payload));
      } else if (message.method === 'reload') {
        reply(frame, message.id, true, undefined);
        location.reload();
      } else {
        reply(frame, message.id, false, 'Unsupported request ' + message.method);
      }
    } catch (e) {
      reply(frame, message.id, false, e.message);
    }
  }

  // ------------------------------------------------------------ messages from the iframes

  window.addEventListener('message', function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.source !== 'forge-local-bridge') return;
    var frame = frameOf(event.source);
    if (!frame) return;

    switch (data.type) {
      case 'resize': {
        var height = Math.max(32, Math.min(Number(data.height) || 0, 20000));
        frame.style.height = height + 'px';
        break;
      }
      case 'ready': {
        var localId = frame.getAttribute('data-local-id');
        if (frame.classList.contains('config-frame')) localId = localId + ':config';
        if (window.__macroReady[localId] === undefined) {
          var now = performance.now();
          window.__macroReady[localId] = now;
          window.__macroTiming[localId] = {
            // The iframe document's time origin, on the host page's clock.
            navigationStart: Number(data.timeOrigin) - performance.timeOrigin,
            ready: now,
          };
          frame.setAttribute('data-ready', 'true');
          document.dispatchEvent(new CustomEvent('forge-macro-ready', { detail: { localId: localId, at: now } }));
        }
        break;
      }
      case 'csp-violation': {
        var violation = {
          localId: frame.getAttribute('data-local-id'),
          directive: String(data.directive),
          blockedURI: String(data.blockedURI),
          sourceFile: String(data.sourceFile || ''),
          line: Number(data.line) || 0,
        };
        window.__cspViolations.push(violation);
        console.error('CSP violation in macro ' + violation.localId + ': ' + violation.directive + ' blocked ' + violation.blockedURI);
        break;
      }
      case 'request':
        handleRequest(frame, data);
        break;
      case 'submitted':
        if (frame.classList.contains('config-frame')) {
          // The macro re-renders with its new config: reload the page, as Confluence re-renders it.
          if (!data.keepEditing) closeDialog();
          location.reload();
        }
        break;
      case 'close':
        if (frame.classList.contains('config-frame')) closeDialog();
        break;
    }
  });

  // ------------------------------------------------------------ the config dialog

  function dialog() {
    return document.getElementById('config-dialog');
  }

  function closeDialog() {
    var d = dialog();
    if (!d) return;
    var body = d.querySelector('.config-dialog-body');
    body.replaceChildren();
    if (d.open) d.close();
  }

  function openDialog(button) {
    var d = dialog();
    var body = d.querySelector('.config-dialog-body');
    body.replaceChildren();
    var frame = document.createElement('iframe');
    frame.className = 'config-frame';
    frame.setAttribute('sandbox', document.querySelector('meta[name="forge-iframe-sandbox"]').content);
    frame.setAttribute('allow', document.querySelector('meta[name="forge-iframe-allow"]').content);
    frame.setAttribute('title', button.getAttribute('data-macro-title'));
    frame.setAttribute('data-local-id', button.getAttribute('data-edit-macro'));
    frame.setAttribute('data-forge-app', appId);
    frame.src = button.getAttribute('data-config-src');
    body.appendChild(frame);
    d.querySelector('h2').textContent = button.textContent + ': ' + button.getAttribute('data-macro-title');
    d.showModal();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.addEventListener('click', function (event) {
      var target = event.target;
      if (!(target instanceof Element)) return;
      var edit = target.closest('[data-edit-macro]');
      if (edit) openDialog(edit);
      if (target.closest('[data-close-dialog]')) closeDialog();
    });
    var d = dialog();
    if (d) d.addEventListener('close', closeDialog);

    // Changing a switcher applies it at once; the button stays for keyboard users who prefer it.
    var form = document.querySelector('form.switchers');
    if (form) {
      form.addEventListener('change', function () {
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      });
    }
  });
})();
