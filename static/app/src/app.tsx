import { lazy, Suspense, useEffect } from 'react';
import type { ResolverResponse } from '@shared/contract';
import { LiveRegionProvider } from './components/live-region';
import { SectionMessage } from './components/section-message';
import { Spinner } from './components/spinner';
import { I18nProvider, resolveLocale, safeTimeZone, useI18n } from './i18n';
import { ErrorBoundary } from './shell/error-boundary';
import { isMacroKey } from './shell/initial-load';
import { MacroShell } from './shell/macro-shell';
import { ReadySignal } from './shell/ready-signal';
import type { FullContext } from './view-props';

// The config dialog is only opened by page editors; readers never download it.
const ConfigDialog = lazy(() => import('./config'));
// The space page (confluence:spacePage, decision 0022): its own chunk, never downloaded by the macros.
const SpacePage = lazy(() => import('./admin'));
const SPACE_PAGE_KEY = 'programme-admin';

/** One resource serves all four macros and their config dialog: dispatch on module key and mode. */
export function App({ context, initialView }: { context: FullContext; initialView?: Promise<ResolverResponse<'getView'>> }) {
  const locale = resolveLocale(context.locale);
  const timeZone = safeTimeZone(context.timezone);

  useEffect(() => {
    // Screen readers pick the voice from <html lang>; the resource's HTML says sv until we know.
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale} timeZone={timeZone}>
      <LiveRegionProvider>
        <main className="io-app">
          <Dispatch context={context} initialView={initialView} />
        </main>
      </LiveRegionProvider>
    </I18nProvider>
  );
}

function Dispatch({ context, initialView }: { context: FullContext; initialView?: Promise<ResolverResponse<'getView'>> }) {
  const { t } = useI18n();
  const moduleKey = context.moduleKey;
  const isConfiguring = context.extension?.macro?.isConfiguring === true;

  if (moduleKey === SPACE_PAGE_KEY) {
    return (
      <ErrorBoundary fallback={<SectionMessage appearance="error" title={t('viewFailedToLoad')} />}>
        <Suspense fallback={<Spinner label={t('loading')} />}>
          <SpacePage />
        </Suspense>
      </ErrorBoundary>
    );
  }
  if (!isMacroKey(moduleKey)) {
    return (
      <>
        <SectionMessage appearance="warning" title={t('unknownView')} />
        <ReadySignal />
      </>
    );
  }
  if (isConfiguring) {
    return (
      <ErrorBoundary fallback={<SectionMessage appearance="error" title={t('viewFailedToLoad')} />}>
        <Suspense fallback={<Spinner label={t('loading')} />}>
          <ConfigDialog macro={moduleKey} context={context} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  return <MacroShell macro={moduleKey} context={context} initialView={initialView} />;
}

/** When even the context cannot be read, the locale is unknown: say it in both languages. */
export function StartupError() {
  return (
    <main className="io-app">
      <SectionMessage appearance="error" title="Översikten kunde inte startas. Ladda om sidan.">
        <p lang="en">The overview could not start. Reload the page.</p>
      </SectionMessage>
    </main>
  );
}
