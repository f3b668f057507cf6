/**
 * The Confluence-like page around the macros: a top bar with the space and page, switchers for page,
 * user, language and colour mode, and each macro in a sandboxed iframe from the app's own origin.
 * Server-rendered HTML with no inline script or style, so the host page runs under a strict CSP too.
 */
import { MACRO_TITLES, type MacroKey } from '../../src/shared/vocabulary';
import { DEMO_PAGES, DEMO_SPACES, DEMO_USER_IDS, DEMO_USERS, type DemoPage, type DemoUser } from '../demo-users';
import type { ColorMode, HostLocale } from '../invoke-runner';
import { THEME_ATTRIBUTE } from '../bridge/theme-tokens';
import { FORGE_EVENT_LIMITS } from '../bridge/event-limits';
import { LOCAL_APP_ID } from './app-identity';

/** Forge's Custom UI iframe: the documented sandbox flags and feature policies ("Custom UI iframe"). */
export const FORGE_IFRAME_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';
export const FORGE_IFRAME_ALLOW = 'camera; clipboard-write; display-capture; fullscreen; microphone';

export interface RenderedMacro {
  localId: string;
  moduleKey: string;
  frameUrl: string;
  /** Present when the user may edit the page: the config dialog's iframe URL. */
  configUrl?: string;
  /** Why the macro is not shown, if it is not (e.g. the manifest does not allow anonymous access). */
  unavailable?: string;
  /** The frame's label when it is not a macro (a space page's title from the manifest). */
  title?: string;
}

export interface HostPageModel {
  page: DemoPage;
  user: DemoUser;
  locale: HostLocale;
  colorMode: ColorMode;
  appOrigin: string;
  macros: RenderedMacro[];
  buildMissing: boolean;
  /** The app the macros belong to (manifest.yml app.id by default): events stay within one app. */
  appId?: string;
  /** A space page (decision 0022) rather than a Confluence page: no page export, and the space's app link is current. */
  spacePage?: boolean;
  /** The space's app page link (confluence:spacePage) in the breadcrumbs: its title and URL. */
  spacePageLink?: { title: string; href: string };
}

const TEXT = {
  sv: {
    product: 'Confluence',
    localHost: 'lokal Forge-värd',
    spaces: 'Utrymmen',
    page: 'Sida',
    user: 'Användare',
    language: 'Språk',
    theme: 'Tema',
    light: 'Ljust',
    dark: 'Mörkt',
    apply: 'Byt',
    signedInAs: 'Inloggad som',
    anonymousVisitor: 'anonym besökare',
    editMacro: 'Redigera makro',
    export: 'Exportera sidan (ADF)',
    macroFrame: 'Forge-app',
    buildMissing: 'Appen är inte byggd. Kör npm run build (eller npm start) och ladda om sidan.',
    dialogTitle: 'Redigera makro',
    close: 'Stäng',
    switchers: 'Visning',
  },
  en: {
    product: 'Confluence',
    localHost: 'local Forge host',
    spaces: 'Spaces',
    page: 'Page',
    user: 'User',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    apply: 'Apply',
    signedInAs: 'Signed in as',
    anonymousVisitor: 'anonymous visitor',
    editMacro: 'Edit macro',
    export: 'Export page (ADF)',
    macroFrame: 'Forge app',
    buildMissing: 'The app is not built. Run npm run build (or npm start) and reload the page.',
    dialogTitle: 'Edit macro',
    close: 'Close',
    switchers: 'View',
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function macroTitle(moduleKey: string, locale: HostLocale): string {
  return (MACRO_TITLES as Record<string, Record<HostLocale, string>>)[moduleKey as MacroKey]?.[locale] ?? moduleKey;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
}

export function renderHostPage(model: HostPageModel): string {
  const t = TEXT[model.locale];
  const { page, user } = model;
  const space = DEMO_SPACES[page.spaceKey];
  const e = escapeHtml;
  const appId = model.appId ?? LOCAL_APP_ID;

  const pageOptions = Object.values(DEMO_PAGES)
    .map((p) => option(p.id, `${p.spaceKey} · ${p.title}`, p.id === page.id))
    .join('');
  const userOptions = DEMO_USER_IDS.map((id) => option(id, DEMO_USERS[id].label[model.locale], id === user.id)).join('');

  const macros = model.macros
    .map((m) => {
      const title = m.title ?? macroTitle(m.moduleKey, model.locale);
      const toolbar = `<div class="macro-toolbar"><span class="macro-label">${e(title)}</span>${
        m.configUrl
          ? `<button type="button" class="host-button" data-edit-macro="${e(m.localId)}" data-config-src="${e(m.configUrl)}" data-macro-title="${e(title)}">${e(t.editMacro)}</button>`
          : ''
      }</div>`;
      const body = m.unavailable
        ? `<p class="macro-unavailable">${e(m.unavailable)}</p>`
        : `<iframe class="macro-frame" src="${e(m.frameUrl)}" sandbox="${FORGE_IFRAME_SANDBOX}" allow="${FORGE_IFRAME_ALLOW}" title="${e(`${title} – ${t.macroFrame}`)}" data-local-id="${e(m.localId)}" data-module-key="${e(m.moduleKey)}" data-forge-app="${e(appId)}"></iframe>`;
      return `<section class="macro" data-local-id="${e(m.localId)}" aria-label="${e(title)}">${toolbar}${body}</section>`;
    })
    .join('\n');

  return `<!doctype html>
<html lang="${model.locale}" data-color-mode="${model.colorMode}" data-theme="${THEME_ATTRIBUTE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="forge-app-origin" content="${e(model.appOrigin)}">
<meta name="forge-iframe-sandbox" content="${FORGE_IFRAME_SANDBOX}">
<meta name="forge-iframe-allow" content="${FORGE_IFRAME_ALLOW}">
<meta name="forge-app-id" content="${e(appId)}">
<meta name="forge-event-limits" content="${e(JSON.stringify(FORGE_EVENT_LIMITS))}">
<title>${e(page.title)} – ${e(space.name)} – ${t.product} (${t.localHost})</title>
<link rel="stylesheet" href="/__forge/tokens.css">
<link rel="stylesheet" href="/host/host.css">
<script src="/host/host.js"></script>
</head>
<body>
<header class="top-bar">
  <span class="product">${t.product} <small>${t.localHost}</small></span>
  <form class="switchers" method="get" action="/" aria-label="${t.switchers}">
    <label>${t.page} <select name="page">${pageOptions}</select></label>
    <label>${t.user} <select name="user">${userOptions}</select></label>
    <label>${t.language} <select name="locale">${option('sv', 'Svenska', model.locale === 'sv')}${option('en', 'English', model.locale === 'en')}</select></label>
    <label>${t.theme} <select name="theme">${option('light', t.light, model.colorMode === 'light')}${option('dark', t.dark, model.colorMode === 'dark')}</select></label>
    <button type="submit" class="host-button">${t.apply}</button>
  </form>
</header>
<main class="page" id="main">
  <nav class="breadcrumbs" aria-label="breadcrumbs"><span>${t.spaces}</span> / <span>${e(space.name)} (${e(space.key)})</span>${
    model.spacePageLink ? ` · <a href="${e(model.spacePageLink.href)}"${model.spacePage ? ' aria-current="page"' : ''}>${e(model.spacePageLink.title)}</a>` : ''
  }</nav>
  <h1 class="page-title">${e(page.title)}</h1>
  <p class="page-meta">${t.signedInAs} <strong>${e(user.anonymous ? t.anonymousVisitor : user.displayName)}</strong>${model.spacePage ? '' : ` · <a href="/export/${e(page.id)}.adf.json">${t.export}</a>`}</p>
  ${model.buildMissing ? `<p class="build-missing" role="alert">${t.buildMissing}</p>` : ''}
  ${macros}
</main>
<dialog class="config-dialog" id="config-dialog" aria-labelledby="config-dialog-title">
  <div class="config-dialog-header"><h2 id="config-dialog-title">${t.dialogTitle}</h2><button type="button" class="host-button" data-close-dialog>${t.close}</button></div>
  <div class="config-dialog-body"></div>
</dialog>
</body>
</html>
`;
}
