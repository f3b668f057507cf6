/*
 * The local Forge host's bridge: the one script injected into every macro iframe, before the app's own
 * script. @forge/bridge reads `window.__bridge.callBridge` when its modules load and sends every API
 * call through it as (method, payload); this file answers those calls the way Confluence's host does:
 *
 * - invoke        → asks the host page (postMessage), which calls the server from its own origin, as
 *                   Confluence's frontend does for a Forge app: the app's origin, like Forge's CDN, has
 *                   no backend, so app code cannot reach the resolvers except through the bridge. The
 *                   server builds the Forge context itself; nothing here can choose the user or space.
 * - getContext    → the context the server rendered into the page (JSON data block, not a script).
 * - enableTheming → the ADS token CSS from this origin, plus data-color-mode / data-theme on <html>.
 * - submit/close  → the config dialog: saved on the server, then the host page closes the dialog.
 * - navigate      → asks the host page, which opens http(s) links only.
 * - resize        → the host page sizes the iframe to the content (postMessage, never DOM access).
 * - emit / on     → @forge/bridge `events`: the payload must be plain JSON; it goes to the host page as
 *                   JSON text, and the host page relays it to the iframes of the same app (and
 *                   emitPublic / onPublic to every app's iframes), or refuses it (too large, bad name),
 *                   and then the emit promise rejects. Each subscription is its own: unsubscribe removes
 *                   that one only. The EXTENSION_READY event (view.emitReadyEvent) goes to the host page's
 *                   ready record (benchmarks, export) and to no iframe. docs/decisions/0019.
 *
 * Unknown or unsupported methods reject, so an app that relies on something this host does not do
 * finds out here rather than on a real site.
 */
/* global window, document, getComputedStyle, MutationObserver, ResizeObserver */
(function () {
  'use strict';

  var dataBlock = document.getElementById('__forge_host_context');
  if (!dataBlock) {
    throw new Error('Local Forge host: the context data block is missing; the iframe was not served by dev/server.ts');
  }
  var host = JSON.parse(dataBlock.textContent || '{}');
  var instance = host.instance;
  var hostOrigin = host.hostOrigin;
  var context = host.context;

  function BridgeAPIError(message) {
    var e = new Error(message);
    e.name = 'BridgeAPIError';
    return e;
  }

  function clone(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  // ------------------------------------------------------------ messages to and from the host page

  var pending = Object.create(null);
  var nextId = 1;
  /** Subscriptions per event name, private (on) and public (onPublic) apart, as Forge keeps them. */
  var subscriptions = { private: Object.create(null), public: Object.create(null) };

  function post(message) {
    window.parent.postMessage(Object.assign({ source: 'forge-local-bridge', instance: instance }, message), hostOrigin);
  }

  /** A request the host page answers (navigate, close, ...). */
  function ask(method, payload) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      post({ type: 'request', id: id, method: method, payload: clone(payload) });
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== hostOrigin || event.source !== window.parent) return;
    var data = event.data;
    if (!data || data.source !== 'forge-local-host') return;
    if (data.type === 'response' && pending[data.id]) {
      var p = pending[data.id];
      delete pending[data.id];
      if (data.ok) p.resolve(data.result);
      else p.reject(BridgeAPIError(data.error || 'The host refused the request'));
    } else if (data.type === 'event') {
      deliver(data);
    }
  });

  // ------------------------------------------------------------ server calls, through the host page

  /** The host page answers with the server's JSON; anything but { ok: true } is a bridge error. */
  function serverCall(method, body) {
    return ask(method, body).then(function (json) {
      if (json && json.ok) return json;
      throw BridgeAPIError((json && json.error && json.error.message) || 'The local Forge host refused the call');
    });
  }

  function invoke(payload) {
    if (!payload || typeof payload.functionKey !== 'string') throw BridgeAPIError('functionKey must be a string!');
    return serverCall('invoke', { functionKey: payload.functionKey, payload: payload.payload }).then(function (json) {
      // With metadata the bridge answers { body, metadata }; without, the body alone.
      return payload.metadata ? { body: json.body, metadata: {} } : json.body;
    });
  }

  // ------------------------------------------------------------ theming

  var themingEnabled = null;
  function enableTheming() {
    if (themingEnabled) return themingEnabled;
    var theme = context.theme || { colorMode: 'light' };
    var root = document.documentElement;
    root.setAttribute('data-color-mode', theme.colorMode === 'dark' ? 'dark' : 'light');
    root.setAttribute('data-theme', host.themeAttribute);
    themingEnabled = new Promise(function (resolve, reject) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__forge/tokens.css';
      link.onload = function () {
        resolve(undefined);
      };
      link.onerror = function () {
        reject(BridgeAPIError('Could not load the design token CSS'));
      };
      document.head.appendChild(link);
    });
    return themingEnabled;
  }

  // ------------------------------------------------------------ ready event and resize

  var readySent = false;
  function markReady() {
    if (readySent) return;
    readySent = true;
    post({ type: 'ready', localId: context.localId, timeOrigin: performance.timeOrigin, at: performance.now() });
  }

  var lastHeight = -1;
  var resizeTimer = null;
  function contentHeight() {
    var body = document.body;
    if (!body) return 0;
    var style = getComputedStyle(body);
    var margins = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    return Math.ceil(Math.max(body.scrollHeight, body.getBoundingClientRect().height) + margins);
  }
  function reportSize() {
    resizeTimer = null;
    var height = contentHeight();
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: 'resize', height: height });
    }
  }
  // A timer, not requestAnimationFrame or ResizeObserver alone: Chromium stops rendering work in
  // cross-origin iframes outside the viewport, and a macro below the fold must still get its height.
  function queueResize() {
    if (resizeTimer === null) resizeTimer = setTimeout(reportSize, 16);
  }
  function watchSize() {
    new MutationObserver(queueResize).observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(queueResize);
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    }
    window.addEventListener('load', queueResize);
    window.addEventListener('resize', queueResize);
    document.addEventListener('transitionend', queueResize, true);
    queueResize();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSize);
  else watchSize();

  // A CSP violation in the app would break it on Forge too: tell the host page, which records it.
  document.addEventListener('securitypolicyviolation', function (e) {
    post({ type: 'csp-violation', directive: e.effectiveDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber });
  });

  // ------------------------------------------------------------ events

  /**
   * Why a payload is not plain JSON, or null when it is. Forge does not say how it carries an event, so
   * the host takes the strict reading: only what survives JSON unchanged (@forge/bridge has already made
   * any Blob base64). undefined is allowed as the whole payload and, as JSON drops it, as an object member.
   */
  /** An object literal or Object.create(null), from any realm; not a Date, Map, class instance, … */
  function isPlainObject(value) {
    if (Object.prototype.toString.call(value) !== '[object Object]') return false;
    var proto = Object.getPrototypeOf(value);
    return proto === null || Object.getPrototypeOf(proto) === null;
  }

  function jsonProblem(value, path, seen) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
    if (typeof value === 'number') return isFinite(value) ? null : path + ' is ' + value + ', which JSON cannot carry';
    if (typeof value === 'undefined') return path === 'payload' ? null : path + ' is undefined';
    if (typeof value !== 'object') return path + ' is a ' + typeof value + ', which JSON cannot carry';
    if (seen.indexOf(value) >= 0) return path + ' refers back to itself (a cycle)';
    seen.push(value);
    var problem = null;
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length && !problem; i++) problem = jsonProblem(value[i], path + '[' + i + ']', seen);
    } else {
      if (!isPlainObject(value)) {
        var name = (value.constructor && value.constructor.name) || 'object';
        problem = path + ' is a ' + name + ', not a plain object';
      }
      var keys = Object.keys(value);
      for (var k = 0; k < keys.length && !problem; k++) {
        if (value[keys[k]] !== undefined) problem = jsonProblem(value[keys[k]], path + '.' + keys[k], seen);
      }
    }
    seen.pop();
    return problem;
  }

  function emitEvent(payload, isPublic) {
    var name = payload && payload.event;
    if (typeof name !== 'string' || name === '') {
      return Promise.reject(BridgeAPIError('events.' + (isPublic ? 'emitPublic' : 'emit') + ' needs an event name (a non-empty string)'));
    }
    var problem = jsonProblem(payload.payload, 'payload', []);
    if (problem) return Promise.reject(BridgeAPIError('Forge event "' + name + '": the payload must be plain JSON; ' + problem));
    var json = payload.payload === undefined ? undefined : JSON.stringify(payload.payload);
    return ask('emit', { event: name, public: isPublic, json: json }).then(function () {
      return undefined;
    });
  }

  function subscribe(payload, isPublic) {
    if (!payload || typeof payload.event !== 'string' || payload.event === '' || typeof payload.callback !== 'function') {
      return Promise.reject(BridgeAPIError('events.' + (isPublic ? 'onPublic' : 'on') + '(event, callback) needs an event name and a function'));
    }
    var table = isPublic ? subscriptions.public : subscriptions.private;
    var list = table[payload.event] || (table[payload.event] = []);
    var entry = { callback: payload.callback };
    list.push(entry);
    return Promise.resolve({
      unsubscribe: function () {
        var i = list.indexOf(entry);
        if (i >= 0) list.splice(i, 1);
      },
    });
  }

  /** An event the host page relayed: every subscription to its name gets its own parse of the JSON. */
  function deliver(data) {
    var table = data.public ? subscriptions.public : subscriptions.private;
    var list = (typeof data.event === 'string' && table[data.event]) || [];
    list.slice().forEach(function (entry) {
      var payload;
      try {
        payload = typeof data.json === 'string' ? JSON.parse(data.json) : undefined;
        var result = entry.callback(payload);
        if (result && typeof result.then === 'function') {
          result.then(null, function (e) {
            console.error('Forge event handler for "' + data.event + '" failed', e);
          });
        }
      } catch (e) {
        console.error('Forge event handler for "' + data.event + '" failed', e);
      }
    });
  }

  // ------------------------------------------------------------ the bridge

  var methods = {
    invoke: invoke,
    getContext: function () {
      return Promise.resolve(clone(context));
    },
    enableTheming: enableTheming,
    emitReadyEvent: function () {
      markReady();
      return Promise.resolve(undefined);
    },
    emit: function (payload) {
      // view.emitReadyEvent sends EXTENSION_READY through events.emit: Confluence's, not the app's, event.
      if (payload && payload.event === 'EXTENSION_READY') {
        markReady();
        return Promise.resolve(undefined);
      }
      return emitEvent(payload, false);
    },
    emitPublic: function (payload) {
      return emitEvent(payload, true);
    },
    on: function (payload) {
      return subscribe(payload, false);
    },
    onPublic: function (payload) {
      return subscribe(payload, true);
    },
    submit: function (payload) {
      if (!context.extension || !context.extension.macro || !context.extension.macro.isConfiguring) {
        return Promise.resolve(false);
      }
      return serverCall('submit', { payload: clone(payload) }).then(function (json) {
        post({ type: 'submitted', keepEditing: !!json.keepEditing });
        return true;
      });
    },
    close: function () {
      if (!context.extension || !context.extension.macro || !context.extension.macro.isConfiguring) {
        return Promise.resolve(false);
      }
      post({ type: 'close' });
      return Promise.resolve(true);
    },
    navigate: function (payload) {
      return ask('navigate', payload);
    },
    getUrl: function (payload) {
      return ask('getUrl', payload);
    },
    reload: function () {
      return ask('reload');
    },
    // A macro in a page view cannot be opened, refreshed or given a window title; Forge answers false.
    open: function () {
      return Promise.resolve(false);
    },
    refresh: function () {
      return Promise.resolve(false);
    },
    onClose: function () {
      return Promise.resolve(false);
    },
  };

  function callBridge(method, payload) {
    var fn = Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : null;
    if (!fn) {
      return Promise.reject(BridgeAPIError('The local Forge host does not support the bridge method "' + method + '" for macros'));
    }
    try {
      return Promise.resolve(fn(payload));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  Object.defineProperty(window, '__bridge', {
    value: Object.freeze({ callBridge: callBridge }),
    writable: false,
    configurable: false,
  });
})();
