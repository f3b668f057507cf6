import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { LIMITS, setMilestoneTemplateSchema } from '@shared/schemas';
import { PHASE_LABELS, PHASES, type Phase } from '@shared/vocabulary';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { ErrorSummary, type SummaryItem } from '../editing/error-summary';
import { announceSaved } from '../editing/use-patch-save';
import { useI18n, useMessages } from '../i18n';
import { milestoneTemplateMessages } from './milestone-template-messages';

/** One row of the editor: `id` is the stored item's (kept through a rename), absent for an item added here. */
interface Row {
  key: string;
  id?: string;
  phase: Phase;
  title: string;
}

const rowsOf = (p: ProgrammeAdminItem): Row[] => p.milestoneTemplate.map((m) => ({ key: m.id, id: m.id, phase: m.phase, title: m.title }));
const titleId = (key: string) => `mt-title-${key}`;
const moveId = (key: string, dir: 'up' | 'down') => `mt-move-${key}-${dir}`;

/**
 * The programme's milestone template, edited by the space's administrators (decisions 0020, 0022): rename,
 * add, move up and down within a phase (buttons, so the keyboard does all of it) and remove, then one save of
 * the whole template on the version the form started from. Only the programme's record changes: milestones the
 * initiatives recorded are never touched by it. A template changed meanwhile is a conflict the administrator
 * resolves by saving theirs anyway (against the version stored now) or by reloading.
 */
export function MilestoneTemplateForm({ programme, onSaved }: { programme: ProgrammeAdminItem; onSaved(): Promise<void> }) {
  const { locale } = useI18n();
  const m = useMessages(milestoneTemplateMessages);
  const announce = useAnnounce();
  const [start] = useState(() => rowsOf(programme));
  const [rows, setRows] = useState<Row[]>(start);
  const [drafts, setDrafts] = useState<Record<Phase, string>>({ initiering: '', planering: '', genomforande: '', avslut: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const counter = useRef(0);
  // What gets focus once the list shows a move or a removal: the element that did it moved or is gone.
  const focusAfter = useRef<string[] | null>(null);
  useEffect(() => {
    const ids = focusAfter.current;
    if (!ids) return;
    focusAfter.current = null;
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
      if (el && !(el instanceof HTMLButtonElement && el.disabled)) {
        el.focus();
        return;
      }
    }
  }, [rows]);

  const phaseName = (phase: Phase) => PHASE_LABELS[phase][locale];
  const inPhase = (list: Row[], phase: Phase) => list.filter((r) => r.phase === phase);
  const named = (r: Row) => r.title.trim() || m('untitled');

  const rename = (key: string, title: string) => setRows((list) => list.map((r) => (r.key === key ? { ...r, title } : r)));

  const move = (row: Row, step: -1 | 1) => {
    const same = inPhase(rows, row.phase);
    const k = same.findIndex((r) => r.key === row.key);
    const other = same[k + step];
    if (!other) return;
    const next = rows.slice();
    const a = next.findIndex((r) => r.key === row.key);
    const b = next.findIndex((r) => r.key === other.key);
    [next[a], next[b]] = [next[b]!, next[a]!];
    const dir = step < 0 ? 'up' : 'down';
    focusAfter.current = [moveId(row.key, dir), moveId(row.key, dir === 'up' ? 'down' : 'up')];
    setRows(next);
    announce(m('moved', { title: named(row), position: k + step + 1, total: same.length, phase: phaseName(row.phase) }));
  };

  const remove = (row: Row) => {
    const same = inPhase(rows, row.phase);
    const k = same.findIndex((r) => r.key === row.key);
    const neighbour = same[k + 1] ?? same[k - 1];
    focusAfter.current = [neighbour ? titleId(neighbour.key) : `mt-new-${programme.id}-${row.phase}`];
    setRows((list) => list.filter((r) => r.key !== row.key));
    announce(m('removed', { title: named(row) }));
  };

  const add = (phase: Phase) => {
    const title = drafts[phase].trim();
    const fieldId = `mt-new-${programme.id}-${phase}`;
    if (!title) {
      setErrors((e) => ({ ...e, [fieldId]: m('titleRequired') }));
      document.getElementById(fieldId)?.focus();
      return;
    }
    if (title.length > LIMITS.shortText) {
      setErrors((e) => ({ ...e, [fieldId]: m('titleTooLong', { max: LIMITS.shortText }) }));
      return;
    }
    counter.current += 1;
    // Last in its phase: after the phase's last row, or where the phase begins in the order of PHASES.
    const row: Row = { key: `new-${counter.current}`, phase, title };
    setRows((list) => {
      const at = list.reduce((last, r, i) => (PHASES.indexOf(r.phase) <= PHASES.indexOf(phase) ? i + 1 : last), 0);
      return [...list.slice(0, at), row, ...list.slice(at)];
    });
    setDrafts((d) => ({ ...d, [phase]: '' }));
    setErrors(({ [fieldId]: _gone, ...rest }) => rest);
    announce(m('added', { title, phase: phaseName(phase) }));
  };

  const send = async (expectedVersion: number) => {
    setServerError(null);
    const payload = { programmeId: programme.id, items: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), phase: r.phase, title: r.title.trim() })), expectedVersion };
    const parsed = setMilestoneTemplateSchema.safeParse(payload);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [, k] = issue.path;
        const row = typeof k === 'number' ? rows[k] : undefined;
        if (row) next[titleId(row.key)] = row.title.trim() ? m('titleTooLong', { max: LIMITS.shortText }) : m('titleRequired');
        else if (issue.path[0] === 'items') next[`mt-save-${programme.id}`] = m('tooMany', { max: LIMITS.milestonesPerInitiative });
      }
      setErrors(next);
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await invoke('setMilestoneTemplate', parsed.data);
    setSaving(false);
    if (!result.ok) {
      const current = result.error.code === 'CONFLICT' ? (result.error.current as { version?: unknown } | undefined) : undefined;
      setConflictVersion(typeof current?.version === 'number' ? current.version : null);
      setServerError(result.error);
      return;
    }
    setConflictVersion(null);
    announceSaved(result.data);
    announce(m('saved', { name: programme.name }));
    await onSaved();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const same = rows.length === start.length && rows.every((r, i) => r.id === start[i]!.id && r.phase === start[i]!.phase && r.title.trim() === start[i]!.title);
    if (same) return announce(m('nothingChanged'));
    void send(programme.version);
  };

  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, message]) => {
    const row = rows.find((r) => titleId(r.key) === fieldId);
    return { fieldId, label: row ? m('title', { n: inPhase(rows, row.phase).indexOf(row) + 1, phase: phaseName(row.phase) }) : m('save'), message };
  });

  return (
    <form className="io-form io-admin-template" noValidate onSubmit={submit} aria-busy={saving || undefined}>
      <p>{m('intro')}</p>
      <ErrorSummary items={summary} attempt={attempt} />
      {PHASES.map((phase) => {
        const list = inPhase(rows, phase);
        const newId = `mt-new-${programme.id}-${phase}`;
        return (
          <fieldset key={phase} className="io-admin-template__phase">
            <legend>{phaseName(phase)}</legend>
            {list.length === 0 ? <p className="io-admin-template__none">{m('none')}</p> : null}
            <ol className="io-list">
              {list.map((row, k) => (
                <li key={row.key} className="io-admin-template__row">
                  <TextField
                    id={titleId(row.key)}
                    label={m('title', { n: k + 1, phase: phaseName(phase) })}
                    error={errors[titleId(row.key)]}
                    required
                    value={row.title}
                    maxLength={LIMITS.shortText}
                    autoComplete="off"
                    onChange={(e) => rename(row.key, e.target.value)}
                  />
                  <span className="io-button-row io-button-row--start">
                    <Button id={moveId(row.key, 'up')} appearance="subtle" disabled={k === 0} aria-label={m('moveUpNamed', { title: named(row) })} onClick={() => move(row, -1)}>
                      {m('moveUp')}
                    </Button>
                    <Button id={moveId(row.key, 'down')} appearance="subtle" disabled={k === list.length - 1} aria-label={m('moveDownNamed', { title: named(row) })} onClick={() => move(row, 1)}>
                      {m('moveDown')}
                    </Button>
                    <Button appearance="subtle" aria-label={m('removeNamed', { title: named(row) })} onClick={() => remove(row)}>
                      {m('remove')}
                    </Button>
                  </span>
                </li>
              ))}
            </ol>
            <div className="io-admin-template__add">
              <TextField
                id={newId}
                label={m('newTitle', { phase: phaseName(phase) })}
                error={errors[newId]}
                value={drafts[phase]}
                maxLength={LIMITS.shortText}
                autoComplete="off"
                onChange={(e) => setDrafts((d) => ({ ...d, [phase]: e.target.value }))}
                onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
                  // Enter adds the milestone here rather than saving the whole template.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add(phase);
                  }
                }}
              />
              <Button aria-label={m('addNamed', { phase: phaseName(phase) })} onClick={() => add(phase)}>
                {m('add')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      {serverError ? <ErrorMessage error={serverError} alert /> : null}
      {conflictVersion !== null ? <p>{m('conflict')}</p> : null}
      <div className="io-button-row io-button-row--start">
        <Button id={`mt-save-${programme.id}`} type="submit" appearance="primary" isLoading={saving}>
          {saving ? m('saving') : m('save')}
        </Button>
        {conflictVersion !== null ? <Button onClick={() => void send(conflictVersion)}>{m('keepMine')}</Button> : null}
      </div>
    </form>
  );
}

/** The section on the space page: its heading and the form, for one programme. */
export function MilestoneTemplateSection({ programme, onSaved }: { programme: ProgrammeAdminItem; onSaved(): Promise<void> }) {
  const m = useMessages(milestoneTemplateMessages);
  return (
    <>
      <h3 id={`template-${programme.id}`}>{m('heading', { name: programme.name })}</h3>
      <MilestoneTemplateForm programme={programme} onSaved={onSaved} />
    </>
  );
}
