import { lazy, Suspense, use, useCallback, useEffect, useRef, useState } from 'react';
import { MACRO_TITLES } from '@shared/vocabulary';
import type { Capabilities, ResolverResponse, ViewResponse } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { resolveChoice } from '@shared/participant-groups';
import type { MacroKey } from '@shared/vocabulary';
import { invoke } from '../api';
import { ErrorMessage, ErrorMessageNow } from '../components/error-message';
import { ExampleDataBanner } from '../components/example-data-banner';
import { useAnnounce } from '../components/live-region';
import { SectionMessage } from '../components/section-message';
import { Spinner } from '../components/spinner';
import { useI18n } from '../i18n';
import { announceDataChanged, useDataChanged, useRegionChoice, type DataChange } from '../page-events/page-events';
import type { FullContext } from '../view-props';
import { ErrorBoundary } from './error-boundary';
import { MacroHeader } from './macro-header';
import { ReadySignal } from './ready-signal';
import { ViewRefresher } from './view-refresh';
import { hasView, loadedView, loadView } from './view-registry';
import type { ViewProps } from '../view-props';

// Only a space without a programme yet shows it (onboarding): not in the first download of every macro.
const NoProgramme = lazy(() => import('./no-programme').then((m) => ({ default: m.NoProgramme })));
// Only a view that skipped an unreadable record has notices: their texts load with them (issue 12).
const ViewNotices = lazy(() => import('../components/view-notices').then((m) => ({ default: m.ViewNotices })));

type Load = { phase: 'loading' } | { phase: 'loaded'; response: ViewResponse } | { phase: 'failed'; error: AppError };
type CapabilityLoad = { phase: 'loading' } | { phase: 'done'; capabilities: Capabilities | null };

/**
 * One macro on a page: one getView per render (plus one after each save, here or in another macro on the
 * page), with getCapabilities in parallel. The view paints as soon as its data is in; edit controls appear
 * when capabilities arrive. The reader's region (shared by the page's macros) is chosen in the header and
 * handed to the view, which shows it first (docs/decisions/0019).
 */
export function MacroShell({
  macro,
  context,
  initialView,
}: {
  macro: MacroKey;
  context: FullContext;
  /** The first getView, already started by main.tsx before React rendered (see startInitialLoad). */
  initialView?: Promise<ResolverResponse<'getView'>>;
}) {
  const { t, label, locale } = useI18n();
  const announce = useAnnounce();
  const [chosenCode, setChosenCode] = useRegionChoice();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [caps, setCaps] = useState<CapabilityLoad>({ phase: 'loading' });
  const [reloadError, setReloadError] = useState<AppError | null>(null);
  const requestSeq = useRef(0);
  const pendingInitial = useRef(initialView);
  // Another macro on the page saved: read again, once per revision, keeping what is on screen (and so the
  // reader's scroll position and focus) until the new data is in.
  const [refresher] = useState(() => new ViewRefresher());

  const applyView = useCallback((result: ResolverResponse<'getView'>) => {
    if (result.ok) {
      refresher.showing(result.data.revision);
      setLoad({ phase: 'loaded', response: result.data });
      setReloadError(null);
    } else {
      // A failed reload keeps the data on screen and says so; a failed first load shows the error.
      setLoad((prev) => (prev.phase === 'loaded' ? prev : { phase: 'failed', error: result.error }));
      setReloadError(result.error);
    }
  }, [refresher]);

  /** Reads the view again without the spinner; answers the revision now shown, or null if the read failed or was overtaken. */
  const fetchView = useCallback(async (): Promise<string | null> => {
    const seq = ++requestSeq.current;
    const result = await invoke('getView', { locale });
    // A slower, older request must not overwrite a newer answer (e.g. reload right after a save).
    if (seq !== requestSeq.current) return null;
    applyView(result);
    return result.ok ? result.data.revision : null;
  }, [locale, applyView]);

  // What the view calls after its own save (ViewProps.reload).
  const reloadView = useCallback(async (): Promise<void> => {
    await fetchView();
  }, [fetchView]);
  const shownProgrammeId = load.phase === 'loaded' && load.response.state === 'ready' ? load.response.programme.id : null;
  useDataChanged((change: DataChange) => {
    // Another programme's save changes nothing here (a macro without a programme yet always reads again).
    if (change.programmeId && shownProgrammeId && change.programmeId !== shownProgrammeId) return;
    void refresher.changed(change.revision, fetchView).then((updated) => {
      if (updated) announce(t('viewRefreshed', { macro: label(MACRO_TITLES, macro) }));
    });
  });

  const fetchCapabilities = useCallback(async () => {
    const result = await invoke('getCapabilities', {});
    setCaps({ phase: 'done', capabilities: result.ok ? result.data : null });
  }, []);

  // The first render's two requests, in parallel: the view paints without waiting for capabilities.
  useEffect(() => {
    const seq = ++requestSeq.current;
    let live = true;
    // The request main.tsx started serves the first render only; a later run of this effect asks again.
    const first = pendingInitial.current ?? invoke('getView', { locale });
    pendingInitial.current = undefined;
    void first.then((result) => {
      if (live && seq === requestSeq.current) applyView(result);
    });
    void invoke('getCapabilities', {}).then((result) => {
      if (live) setCaps({ phase: 'done', capabilities: result.ok ? result.data : null });
    });
    return () => {
      live = false;
    };
  }, [locale, applyView]);

  const retry = useCallback(() => {
    setLoad({ phase: 'loading' });
    void fetchView();
  }, [fetchView]);

  // After creating a programme the caller may now edit it: refresh both, and the page's other macros.
  const afterCreate = useCallback(async () => {
    const [revision] = await Promise.all([fetchView(), fetchCapabilities()]);
    if (revision) announceDataChanged({ revision, programmeId: null }).catch(() => undefined);
  }, [fetchView, fetchCapabilities]);

  if (load.phase === 'loading') return <Spinner label={t('loading')} />;

  if (load.phase === 'failed') {
    // The error's texts load when it happens (see ErrorMessage): the ready event waits for them.
    return (
      <Suspense fallback={<Spinner label={t('loading')} />}>
        <ErrorMessageNow error={load.error} onRetry={retry} />
        <ReadySignal />
      </Suspense>
    );
  }

  const response = load.response;
  const capabilities = caps.phase === 'done' ? caps.capabilities : null;
  // A participant's code, or a county's when the programme's participants are grouped (decision 0027).
  const chosenRegion = response.state === 'ready' ? (resolveChoice(response.programme.participants, chosenCode)?.code ?? null) : null;

  if (response.state === 'no-programme') {
    // Whether to offer the create form depends on the caller's rights: wait for them (already in flight).
    if (caps.phase === 'loading') return <Spinner label={t('loading')} />;
    return (
      <Suspense fallback={<Spinner label={t('loading')} />}>
        <NoProgramme capabilities={capabilities} onCreated={afterCreate} />
      </Suspense>
    );
  }

  return (
    <>
      <MacroHeader macro={macro} programme={response.programme} config={response.config} regionChoice={{ value: chosenRegion, onChange: setChosenCode }} />
      {response.programme.isExample ? <ExampleDataBanner /> : null}
      {response.notices && response.notices.length > 0 ? (
        <Suspense fallback={null}>
          <ViewNotices notices={response.notices} />
        </Suspense>
      ) : null}
      {reloadError ? (
        <div className="io-reload-error">
          <ErrorMessage error={reloadError} onRetry={() => void fetchView()} alert />
        </div>
      ) : null}
      {hasView(macro) ? (
        <ErrorBoundary
          fallback={
            <>
              <SectionMessage appearance="error" title={t('viewFailedToLoad')} />
              <ReadySignal />
            </>
          }
        >
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <MacroView
              macro={macro}
              data={response}
              capabilities={capabilities}
              reload={reloadView}
              context={context}
              chosenRegion={chosenRegion}
            />
            <ReadySignal />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <>
          <SectionMessage appearance="warning" title={t('unknownView')} />
          <ReadySignal />
        </>
      )}
    </>
  );
}

/** The macro's view: straight away when its chunk is in (it was requested with the data), else it suspends until it is. */
function MacroView({ macro, ...props }: ViewProps & { macro: MacroKey }) {
  const View = loadedView(macro) ?? use(loadView(macro));
  // eslint-disable-next-line react-hooks/static-components -- one component per macro key, made once by the module registry; never remade in render
  return <View {...props} />;
}
