/**
 * The reader's region first (docs/decisions/0019): pure helpers the shell and the views share, so every
 * macro puts the chosen participant first in the same way.
 */
import type { Participant } from '@shared/model';
import { groupName } from '@shared/participant-groups';

/**
 * The chosen region's code if the programme has that participant, else null: a choice made on another
 * programme's page (the choice is per device) or for a participant since removed is simply not applied.
 */
export function chosenParticipant(participants: ReadonlyArray<Participant>, code: string | null | undefined): Participant | null {
  if (!code) return null;
  return participants.find((p) => p.code === code) ?? null;
}

/**
 * `items` with the chosen ones moved to the front, each part in its order: `chosen` is one participant's
 * code, or the codes of a chosen county's municipalities (`chosenCodes` in @shared/participant-groups).
 * The same array when nothing moves (no choice, not present, already first), so memoised consumers keep
 * their identity.
 */
export function chosenFirst<T>(items: readonly T[], chosen: string | readonly string[] | null | undefined, codeOf: (item: T) => string): readonly T[] {
  if (!chosen || chosen.length === 0) return items;
  const codes = new Set(typeof chosen === 'string' ? [chosen] : chosen);
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) (codes.has(codeOf(item)) ? first : rest).push(item);
  // Nothing moves when the chosen ones are absent or already lead.
  if (first.length === 0 || items.slice(0, first.length).every((item) => codes.has(codeOf(item)))) return items;
  return [...first, ...rest];
}

/** The chooser's options: alphabetical in the reader's language, so a name is found where it is expected. */
export function chooserOptions(participants: ReadonlyArray<Participant>, locale: string): Participant[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...participants].sort((a, b) => collator.compare(a.name, b.name));
}

export interface ChooserGroup {
  /** The group's code, e.g. the county code '01'. */
  code: string;
  /** The county's region short name ('Stockholm'), or the code when it is not a county. */
  name: string;
  participants: Participant[];
}

/**
 * The chooser's options by group (decision 0027): for municipalities, one group a county, the counties and
 * the municipalities within each alphabetical, so 290 names are found under their county. Null when no
 * participant has a group (regions, custom lists); participants without a group then form a last group.
 */
export function chooserGroups(participants: ReadonlyArray<Participant>, locale: string): ChooserGroup[] | null {
  if (!participants.some((p) => p.group)) return null;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byGroup = new Map<string, Participant[]>();
  for (const p of chooserOptions(participants, locale)) {
    const key = p.group ?? '';
    byGroup.set(key, [...(byGroup.get(key) ?? []), p]);
  }
  const named = [...byGroup].map(([code, list]) => ({ code, name: groupName(code), participants: list }));
  // The ungrouped ('') go last, whatever their name.
  return named.sort((a, b) => (a.code === '' ? 1 : b.code === '' ? -1 : collator.compare(a.name, b.name)));
}
