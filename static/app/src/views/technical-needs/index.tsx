import { lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TechnicalNeedsView as NeedsViewModel } from '@shared/contract';
import { buildTodoList } from '@shared/todo-list';
import { NEED_PROGRESS } from '@shared/vocabulary';
import { invoke } from '../../api';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { useAnnounce } from '../../components/live-region';
import { NeedProgressBadge } from '../../components/need-progress-badge';
import { SectionMessage } from '../../components/section-message';
import { StaleMarker } from '../../components/stale-marker';
import type { DetailsScope } from '../../details/details-cache';
import { useDetailsStore } from '../../details/use-details';
import type { CellWrites } from '../../editing/cell-writes';
import { EditToggle } from '../../editing/edit-toggle';
import { EditorHost, useEditorAction } from '../../editing/editor-host';
import { useOptimisticCells } from '../../editing/optimistic';
import { useI18n, useMessages } from '../../i18n';
import { useRegionChoice } from '../../page-events/page-events';
import type { ViewProps } from '../../view-props';
import { useProgressiveList } from '../progressive';
import '../views.css';
import type { EditorAction } from './editor-dialogs';
import { InitiativeNeedsSection, type Grouping, type NeedEditing } from './initiative-needs';
import { useEditorTexts, useLoadEditorTexts } from './editor-text';
import { technicalNeedsMessages } from './messages';
import './technical-needs.css';
import { TodoList } from './todo-list';
import { entryOf, movedOrder, progressKey, progressScope, type ProgressEntry, type ProgressLookup } from './view-model';
import { CountyTodo } from './county-todo';
import type { Participant } from '@shared/model';
import { chosenCodes, chosenGroup, hasGroups, resolveChoice } from '@shared/participant-groups';
import { chosenFirst } from '../../shell/region-order';

// Editing UI (and the validation schemas it needs) loads only when an editor opens it.
const EditorDialogs = lazy(() => import('./editor-dialogs'));

/**
 * Overview 2: per initiative, the technical needs and how far each participant has come; first, when the
 * reader has chosen a region (or the macro shows one region), that participant's to-do list.
 */
export default function TechnicalNeedsView(props: ViewProps) {
  const { t } = useI18n();
  const view = props.data.view;
  if (view.macro !== 'technical-needs') return <SectionMessage appearance="warning" title={t('unknownView')} />;
  return <TechnicalNeeds {...props} view={view} />;
}

type CsvState = { phase: 'idle' } | { phase: 'preparing' } | { phase: 'failed'; error: import('@shared/errors').AppError };

function TechnicalNeeds({ data, view, capabilities, reload }: ViewProps & { view: NeedsViewModel }) {
  const tv = useMessages(technicalNeedsMessages);
  const te = useEditorTexts();
  const { locale } = useI18n();
  const announce = useAnnounce();
  const { programme, config } = data;
  const participants = programme.participants;
  // The edit switch appears once the editing texts are in (they load only for editors: see editor-text.ts).
  const canEdit = useLoadEditorTexts(capabilities?.canEdit === true) && capabilities?.canEdit === true;
  const [editingWanted, setEditingWanted] = useState(false);
  const editing = canEdit && editingWanted;
  const [chosenRegion] = useRegionChoice();
  const regionCode = config.perspective === 'region' && config.regionCode ? config.regionCode : chosenRegion;
  // A county chosen (decision 0027) means its municipalities: their roll-up to-do and their rows first.
  const choice = useMemo(() => resolveChoice(participants, regionCode), [participants, regionCode]);
  const region = choice?.kind === 'participant' ? choice.participant : undefined;
  const county = choice?.kind === 'group' ? choice : null;
  const grouping = useMemo<Grouping | null>(
    () =>
      hasGroups(participants)
        ? { order: chosenFirst(participants, chosenCodes(choice), (p) => p.code) as Participant[], openGroup: chosenGroup(choice), chosenCounty: county?.code ?? null }
        : null,
    [participants, choice, county],
  );
  const details = useDetailsStore(data.revision);
  const { current: action, open: openAction, close: closeAction } = useEditorAction<EditorAction>();
  const optimistic = useOptimisticCells<ProgressEntry>(data.revision, progressKey);
  const [csvState, setCsvState] = useState<CsvState>({ phase: 'idle' });
  const [moving, setMoving] = useState<string | null>(null);
  const focusAfterMove = useRef<string | null>(null);

  const initiatives = useMemo(
    () => (config.perspective === 'initiative' && config.initiativeId ? view.initiatives.filter((e) => e.initiative.id === config.initiativeId) : view.initiatives),
    [view.initiatives, config.perspective, config.initiativeId],
  );
  const shown = useProgressiveList(initiatives, 3);
  const todo = useMemo(() => (region ? buildTodoList({ ...view, initiatives }, region.code) : null), [view, initiatives, region]);

  const { effective, pendingKeys } = optimistic;
  const progressOf = useCallback<ProgressLookup>(
    (initiativeId, need, code) => effective.get(progressKey(progressScope(initiativeId, need.id), code)) ?? entryOf(need, code),
    [effective],
  );
  const writes: CellWrites<ProgressEntry, unknown> = { begin: optimistic.begin, succeed: (scope, cells) => optimistic.succeed(scope, cells), rollback: optimistic.rollback };

  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else (document.getElementById(id.replace(/-(up|down)$/, (_m, d: string) => (d === 'up' ? '-down' : '-up'))) as HTMLElement | null)?.focus();
  }, [view]);

  const move = async (initiativeId: string, needId: string, step: -1 | 1) => {
    const entry = view.initiatives.find((e) => e.initiative.id === initiativeId);
    const ids = entry?.needs.map((n) => n.id) ?? [];
    const next = movedOrder(ids, needId, step);
    if (!entry || !next || moving) return;
    setMoving(needId);
    const res = await invoke('reorderNeeds', { initiativeId, needIds: next });
    setMoving(null);
    if (!res.ok) {
      setCsvState({ phase: 'failed', error: res.error });
      return;
    }
    announce(te('moved', { need: entry.needs.find((n) => n.id === needId)?.title ?? '', position: next.indexOf(needId) + 1, total: next.length }));
    focusAfterMove.current = `tn-move-${needId}-${step < 0 ? 'up' : 'down'}`;
    await reload();
  };

  const needEditing: NeedEditing | null = editing
    ? {
        open: openAction,
        move: (initiativeId, needId, step) => void move(initiativeId, needId, step),
        moving,
        pendingKeys,
      }
    : null;

  const downloadCsv = async (kind: 'todo' | 'matrix') => {
    if (csvState.phase === 'preparing') return;
    const [csv, file, { downloadCsv: saveCsv }] = await Promise.all([import('./csv'), import('../../editing/csv-file'), import('../../editing/csv-download')]);
    const save = (table: string[][], base: string) => {
      saveCsv(table, file.datedCsvName(`${programme.name} ${base}`, new Date()));
      setCsvState({ phase: 'idle' });
      announce(tv('csvDone'));
    };
    if (kind === 'matrix' || !todo || !region) {
      save(csv.progressTable(initiatives, participants, locale, tv), tv('csvFileMatrix'));
      return;
    }
    const scope: DetailsScope = { kind: 'region', regionCode: region.code };
    const noteOf = (initiativeId: string, needId: string, hasNote: boolean) =>
      hasNote ? details.lookup(initiativeId, region.code, true)?.needNotes[needId] : '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const table = csv.todoTable(todo, locale, tv, noteOf);
      if (table) {
        save(table, tv('csvFileTodo', { region: region.name }));
        return;
      }
      if (attempt === 0) {
        setCsvState({ phase: 'preparing' });
        announce(tv('csvPreparing'));
      }
      const res = await details.load(scope);
      if (!res.ok && 'error' in res) {
        setCsvState({ phase: 'failed', error: res.error });
        announce(tv('csvFailed'));
        return;
      }
    }
    setCsvState({ phase: 'failed', error: { code: 'INTERNAL', message: 'The notes kept changing while the CSV was made' } });
    announce(tv('csvFailed'));
  };

  const editorDialogs = (
    <EditorHost
      current={action}
      render={(a) => (
        <EditorDialogs action={a} initiatives={view.initiatives} participants={participants} details={details} writes={writes} progressOf={progressOf} reload={reload} onClose={closeAction} />
      )}
    />
  );

  if (initiatives.length === 0) {
    return <EmptyState title={tv('noInitiatives')} headingLevel={3} />;
  }

  return (
    <div className={`io-view io-needs${editing ? ' tn--editing' : ''}`}>
      <div className="tn-toolbar io-no-print">
        <div className="tn-toolbar__group">
          {todo ? (
            <Button onClick={() => void downloadCsv('todo')} isLoading={csvState.phase === 'preparing'}>
              {tv('csvTodo')}
            </Button>
          ) : null}
          <Button onClick={() => void downloadCsv('matrix')}>{tv('csvMatrix')}</Button>
        </div>
        {canEdit ? (
          <div className="tn-toolbar__group">
            <EditToggle on={editing} onToggle={(on) => setEditingWanted(on)} label={te('editToggle')} onText={te('editOn')} offText={te('editOff')} />
          </div>
        ) : null}
      </div>
      {csvState.phase === 'failed' ? <ErrorMessage error={csvState.error} alert onClose={() => setCsvState({ phase: 'idle' })} /> : null}

      {regionCode && !choice ? <SectionMessage appearance="warning" title={tv('todoRegionMissing', { region: regionCode })} /> : null}
      {todo && region ? <TodoList items={todo} region={region} details={details} /> : null}
      {county ? <CountyTodo initiatives={initiatives} county={county.name} members={county.members} progressOf={progressOf} /> : null}

      <div className="io-legend" role="group" aria-label={tv('legend')}>
        <span className="io-legend__title" aria-hidden="true">
          {tv('legend')}:
        </span>
        <ul className="io-legend__items">
          {NEED_PROGRESS.map((p) => (
            <li key={p}>
              <NeedProgressBadge progress={p} />
            </li>
          ))}
          <li>
            <StaleMarker stalenessDays={programme.stalenessDays} />
          </li>
          <li className="io-legend__note">
            <span className="io-note-mark" aria-hidden="true" />
            {tv('hasNote')}
          </li>
        </ul>
      </div>
      {shown.map((entry) => (
        <InitiativeNeedsSection
          key={entry.initiative.id}
          entry={entry}
          participants={participants}
          stalenessDays={programme.stalenessDays}
          chosenRegion={region?.code ?? null}
          details={details}
          progressOf={progressOf}
          editing={needEditing}
          grouping={grouping}
        />
      ))}
      {editorDialogs}
    </div>
  );
}
