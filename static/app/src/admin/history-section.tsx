/**
 * The programme's history on the space page (decision 0030), for signed-in users who may read the programme
 * (the server decides; an anonymous visitor is told to sign in). Filters go to the server, which reads them
 * through indexes: a page of the list, "what changed since" as plain text to copy into a report, and the
 * whole filtered history as CSV, fetched a page at a time (each response at most 2 MB) and assembled here.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { digestFieldLabel, digestText, historyValueText } from '@shared/history-digest';
import type { HistoryEntry } from '@shared/model';
import type { Locale } from '@shared/vocabulary';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextAreaField, TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { SectionMessage } from '../components/section-message';
import { downloadCsv } from '../editing/csv-download';
import { datedCsvName } from '../editing/csv-file';
import { useI18n, useMessages } from '../i18n';
import type { Translate } from '../i18n/define-messages';
import { programmeHistoryMessages } from './history-messages';

const PAGE = 25;
/** The CSV reads the largest pages the server gives (it also stops a page at 2 MB). */
const CSV_PAGE = 100;
/** How long the CSV waits when the installation is over its read budget, and how often in all. */
const CSV_RATE_WAIT_MS = 20_000;
const CSV_RATE_WAITS = 30;

type Messages = Translate<(typeof programmeHistoryMessages)['sv']>;

interface Filter {
  initiativeId?: string;
  regionCode?: string;
  by?: string;
  from?: string;
  to?: string;
}

/** A day from a date field as the reader's own day: its first and last moment, as ISO times. */
function dayStart(day: string): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}
function dayEnd(day: string): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}

/** One change of an entry in words: "Status: Planering → Pilot". */
function changeText(entry: HistoryEntry, locale: Locale): string {
  if (entry.changes.length === 0) return `${entry.target} ${entry.action}`;
  return entry.changes.map((c) => `${digestFieldLabel(c.field, locale)}: ${historyValueText(c.old, locale)} → ${historyValueText(c.new, locale)}`).join('; ');
}

interface Names {
  initiative(id: string | null): string;
  participant(code: string | null): string;
}

/** The history as a table for the CSV: one row per changed field, values as recorded (redacted ones empty). */
export function historyCsvTable(entries: ReadonlyArray<HistoryEntry>, names: Names, locale: Locale, m: Messages, when: (iso: string) => string): string[][] {
  const header = [m('csvWhen'), m('csvInitiative'), m('csvParticipant'), m('csvField'), m('csvOld'), m('csvNew'), m('csvBy'), m('csvImport')];
  const rows: string[][] = [header];
  for (const e of entries) {
    const base = [when(e.at), names.initiative(e.initiativeId), names.participant(e.regionCode)];
    const tail = [e.byName ?? m('unknownUser'), e.importId ?? ''];
    if (e.changes.length === 0) rows.push([...base, `${e.target} ${e.action}`, '', '', ...tail]);
    for (const c of e.changes) rows.push([...base, digestFieldLabel(c.field, locale), historyValueText(c.old, locale), historyValueText(c.new, locale), ...tail]);
  }
  return rows;
}

export function HistorySection({ programme }: { programme: ProgrammeAdminItem }) {
  const { locale, formatDateTime, formatDate } = useI18n();
  const m = useMessages(programmeHistoryMessages);
  const announce = useAnnounce();
  const headingId = `io-admin-history-${programme.id}`;
  const [initiativeId, setInitiativeId] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [by, setBy] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [applied, setApplied] = useState<Filter | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState<'list' | 'digest' | 'csv' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [digest, setDigest] = useState<string | null>(null);
  const [csvStatus, setCsvStatus] = useState<string | null>(null);
  /** Everyone seen among the loaded changes: the user filter's choices (the server keeps no list of editors). */
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  const digestRef = useRef<HTMLTextAreaElement>(null);

  const participants = [...programme.participants.map((p) => ({ ...p, retired: false })), ...programme.retiredParticipants.map((p) => ({ ...p, retired: true }))];
  const names: Names = {
    initiative: (id) => (id === null ? m('programmeOnly') : (programme.initiatives.find((i) => i.id === id)?.name ?? id)),
    participant: (code) => (code === null ? '' : (participants.find((p) => p.code === code)?.name ?? code)),
  };

  function currentFilter(): Filter | null {
    if (from && to && from > to) {
      setFormError(m('fromAfterTo'));
      return null;
    }
    setFormError(null);
    return {
      ...(initiativeId ? { initiativeId } : {}),
      ...(regionCode ? { regionCode } : {}),
      ...(by ? { by } : {}),
      ...(from ? { from: dayStart(from) } : {}),
      ...(to ? { to: dayEnd(to) } : {}),
    };
  }

  function remember(list: HistoryEntry[]) {
    setUsers((known) => {
      const next = new Map(known);
      for (const e of list) if (!next.has(e.by)) next.set(e.by, e.byName ?? m('unknownUser'));
      return next;
    });
  }

  async function load(filter: Filter, after: string | null) {
    setBusy('list');
    setError(null);
    const result = await invoke('getProgrammeHistory', { programmeId: programme.id, ...filter, limit: PAGE, ...(after ? { cursor: after } : {}) });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setApplied(filter);
    setEntries((shown) => (after ? [...shown, ...result.data.entries] : result.data.entries));
    setCursor(result.data.cursor);
    remember(result.data.entries);
  }

  function show(event: FormEvent) {
    event.preventDefault();
    const filter = currentFilter();
    if (filter) void load(filter, null);
  }

  async function copyDigest() {
    const filter = currentFilter();
    if (!filter) return;
    if (!filter.from) {
      setFormError(m('digestNeedsFrom'));
      return;
    }
    setBusy('digest');
    setError(null);
    const result = await invoke('getHistoryDigest', { programmeId: programme.id, ...filter, from: filter.from });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const text = digestText(result.data, locale, (iso) => formatDate(iso));
    setDigest(text);
    try {
      await navigator.clipboard.writeText(text);
      announce(m('digestCopied'));
    } catch {
      // A sandboxed iframe may not be allowed the clipboard: the text is shown, selected, for the reader to copy.
      announce(m('digestCopyFailed'));
      requestAnimationFrame(() => digestRef.current?.select());
    }
  }

  async function downloadHistoryCsv() {
    const filter = currentFilter();
    if (!filter) return;
    setBusy('csv');
    setError(null);
    const all: HistoryEntry[] = [];
    let next: string | null = null;
    let waits = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof invoke<'getProgrammeHistory'>>> = await invoke('getProgrammeHistory', {
        programmeId: programme.id,
        ...filter,
        limit: CSV_PAGE,
        ...(next ? { cursor: next } : {}),
      });
      if (!result.ok && result.error.code === 'RATE_LIMITED' && waits < CSV_RATE_WAITS) {
        // A whole programme's history at L is ~15,000 read units, more than Forge's 4,000 a minute: wait for
        // the budget to come back and ask for the same page again, instead of losing what was fetched.
        waits++;
        setCsvStatus(m('csvWaiting', { count: all.length }));
        await new Promise((resolve) => setTimeout(resolve, CSV_RATE_WAIT_MS));
        continue;
      }
      if (!result.ok) {
        setBusy(null);
        setCsvStatus(null);
        setError(result.error);
        return;
      }
      all.push(...result.data.entries);
      next = result.data.cursor;
      setCsvStatus(m('csvProgress', { count: all.length }));
      if (!next) break;
    }
    downloadCsv(historyCsvTable(all, names, locale, m, (iso) => formatDateTime(iso)), datedCsvName(`historik-${programme.name}`, new Date()));
    setBusy(null);
    const done = m('csvDone', { count: all.length });
    setCsvStatus(done);
    announce(done);
  }

  const signInNeeded = error?.code === 'PERMISSION' && error.reason === 'anonymous';
  const userOptions = [{ value: '', label: m('all') }, ...[...users.entries()].sort((a, b) => a[1].localeCompare(b[1], locale)).map(([id, name]) => ({ value: id, label: name }))];

  return (
    <section aria-labelledby={headingId} className="io-admin-history">
      <h2 id={headingId}>{m('heading', { name: programme.name })}</h2>
      <p>{m('intro')}</p>
      {signInNeeded ? (
        <SectionMessage appearance="information" title={m('signIn')} />
      ) : (
        <>
          <form onSubmit={show} aria-label={m('filters')} className="io-admin-history__filters" noValidate>
            <SelectField
              label={m('initiative')}
              value={initiativeId}
              onChange={(e) => setInitiativeId(e.target.value)}
              options={[
                { value: '', label: m('all') },
                ...programme.initiatives.map((i) => ({ value: i.id, label: i.archived ? m('archived', { name: i.name }) : i.name })),
              ]}
            />
            <SelectField
              label={m('participant')}
              value={regionCode}
              onChange={(e) => setRegionCode(e.target.value)}
              options={[{ value: '', label: m('all') }, ...participants.map((p) => ({ value: p.code, label: p.retired ? m('retired', { name: p.name }) : p.name }))]}
            />
            <SelectField label={m('user')} help={m('userHelp')} value={by} onChange={(e) => setBy(e.target.value)} options={userOptions} />
            <TextField label={m('from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={formError ?? undefined} />
            <TextField label={m('to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            <div className="io-admin-history__actions">
              <Button type="submit" appearance="primary" isLoading={busy === 'list'}>
                {m('show')}
              </Button>
              <Button onClick={() => void copyDigest()} isLoading={busy === 'digest'}>
                {m('digest')}
              </Button>
              <Button onClick={() => void downloadHistoryCsv()} isLoading={busy === 'csv'}>
                {m('csv')}
              </Button>
            </div>
          </form>
          {csvStatus ? (
            <p role="status" className="io-admin-history__status">
              {csvStatus}
            </p>
          ) : null}
          {error && !signInNeeded ? <ErrorMessage error={error} onClose={() => setError(null)} /> : null}
          {digest !== null ? <TextAreaField label={m('digestLabel')} value={digest} readOnly rows={12} ref={digestRef} className="io-admin-history__digest" /> : null}
          {applied ? (
            entries.length === 0 && cursor === null ? (
              <p>{m('none')}</p>
            ) : (
              <table className="io-table io-admin-history__table">
                <caption>{m('tableCaption', { name: programme.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m('colWhen')}</th>
                    <th scope="col">{m('colInitiative')}</th>
                    <th scope="col">{m('colParticipant')}</th>
                    <th scope="col">{m('colChange')}</th>
                    <th scope="col">{m('colBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{names.initiative(e.initiativeId)}</td>
                      <td>{names.participant(e.regionCode)}</td>
                      <td>{changeText(e, locale)}</td>
                      <td>{e.byName ?? m('unknownUser')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : null}
          {applied && cursor !== null ? (
            <Button onClick={() => void load(applied, cursor)} isLoading={busy === 'list'}>
              {entries.length === 0 ? m('searchOn') : m('more')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
