/**
 * Builds the "what changed since" digest (decision 0030) from history entries, newest first: grouped by
 * initiative (in the programme's order, the programme's own changes first) → participant (in the programme's
 * order, the initiative's own changes first), each field's net change over the range. Pure.
 */
import { DIGEST_LIMITS, type DigestFieldChange, type DigestInitiative, type DigestParticipant, type HistoryDigest } from '../shared/history-digest';
import type { HistoryEntry, Initiative, Programme } from '../shared/model';

export interface DigestInput {
  programme: Programme;
  initiatives: Initiative[];
  /** Newest first, as the history query reads them. */
  entries: HistoryEntry[];
  from: string;
  to: string | null;
  filter: HistoryDigest['filter'];
  truncated: boolean;
}

/** A long text is cut: the digest is a summary, and its response stays small whatever the notes hold. */
function shorten(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= DIGEST_LIMITS.valueChars) return value;
  return `${value.slice(0, DIGEST_LIMITS.valueChars - 1)}…`;
}

interface FieldAcc extends DigestFieldChange {
  key: string;
}

interface GroupAcc {
  regionCode: string | null;
  changes: number;
  lastAt: string;
  byNames: Set<string>;
  fields: Map<string, FieldAcc>;
}

export function buildHistoryDigest(input: DigestInput): HistoryDigest {
  const { programme, initiatives } = input;
  const participants = [...programme.participants, ...(programme.retiredParticipants ?? [])];
  const participantIndex = new Map(participants.map((p, k) => [p.code, k]));
  const initiativeIndex = new Map(initiatives.map((i, k) => [i.id, k]));
  const subjectOf = (entry: HistoryEntry): string | undefined => {
    const initiative = entry.initiativeId ? initiatives.find((i) => i.id === entry.initiativeId) : undefined;
    if (entry.needId) return initiative?.needs.find((n) => n.id === entry.needId)?.title ?? entry.needId;
    if (entry.milestoneId) return initiative?.milestones.find((m) => m.id === entry.milestoneId)?.title ?? entry.milestoneId;
    return undefined;
  };

  const groups = new Map<string, Map<string, GroupAcc>>();
  for (const entry of input.entries) {
    const byInitiative = groups.get(entry.initiativeId ?? '') ?? new Map<string, GroupAcc>();
    groups.set(entry.initiativeId ?? '', byInitiative);
    const group = byInitiative.get(entry.regionCode ?? '') ?? {
      regionCode: entry.regionCode,
      changes: 0,
      lastAt: entry.at,
      byNames: new Set<string>(),
      fields: new Map<string, FieldAcc>(),
    };
    byInitiative.set(entry.regionCode ?? '', group);
    group.changes++;
    if (entry.at > group.lastAt) group.lastAt = entry.at;
    if (entry.byName) group.byNames.add(entry.byName);
    const subject = subjectOf(entry);
    for (const change of entry.changes) {
      const key = `${entry.target}|${entry.needId ?? entry.milestoneId ?? ''}|${change.field}`;
      const seen = group.fields.get(key);
      // Newest first: the first seen is the last change (its new value); each older one moves the old value back.
      if (seen) {
        seen.old = shorten(change.old);
        seen.changes++;
      } else {
        group.fields.set(key, { key, field: change.field, ...(subject ? { subject } : {}), old: shorten(change.old), new: shorten(change.new), changes: 1 });
      }
    }
  }

  const order = (index: Map<string, number>, id: string) => (id === '' ? -1 : (index.get(id) ?? Number.MAX_SAFE_INTEGER));
  const result: DigestInitiative[] = [...groups.entries()]
    .sort(([a], [b]) => order(initiativeIndex, a) - order(initiativeIndex, b) || a.localeCompare(b))
    .map(([initiativeId, byParticipant]) => {
      const list: DigestParticipant[] = [...byParticipant.entries()]
        .sort(([a], [b]) => order(participantIndex, a) - order(participantIndex, b) || a.localeCompare(b))
        .map(([, g]) => ({
          regionCode: g.regionCode,
          name: g.regionCode === null ? null : (participants.find((p) => p.code === g.regionCode)?.name ?? null),
          changes: g.changes,
          lastAt: g.lastAt,
          byNames: [...g.byNames].sort((a, b) => a.localeCompare(b, 'sv')),
          fields: [...g.fields.values()].map(({ key: _key, ...field }) => field),
        }));
      return {
        initiativeId: initiativeId === '' ? null : initiativeId,
        name: initiativeId === '' ? null : (initiatives.find((i) => i.id === initiativeId)?.name ?? null),
        changes: list.reduce((sum, p) => sum + p.changes, 0),
        participants: list,
      };
    });

  return {
    programmeName: programme.name,
    from: input.from,
    to: input.to,
    filter: input.filter,
    changes: input.entries.length,
    truncated: input.truncated,
    initiatives: result,
  };
}
