/**
 * What to do about a validation issue, in Swedish and English (issue 12, finding 4). The server tags every
 * issue with its kind (src/resolvers/validation-issues.ts) and, where it matters, a bound or the allowed
 * values; the UI shows `issueText` next to the issue's field path. Keyed by kind, so zod's own wording
 * ("Invalid input", "expected string, received undefined") never reaches a reader. Zod-free, so the UI
 * can show these without loading the schemas.
 */
import type { Locale } from './vocabulary';

export const ISSUE_KINDS = [
  'required',
  'too-long',
  'too-many',
  'too-few',
  'too-large',
  'too-small',
  'integer',
  'text',
  'number',
  'yes-no',
  'list',
  'object',
  'choice',
  'month',
  'date',
  'year',
  'link',
  'characters',
  'id',
  'unknown-field',
  'nothing-to-change',
  'not-in-change',
  'empty-value',
  'invalid',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** The parts of a ValidationIssue the text needs. */
export interface IssueDetail {
  kind?: IssueKind;
  /** The bound of a too-long/too-many/too-few/too-large/too-small issue. */
  limit?: number;
  /** The allowed values of a choice. */
  options?: string[];
}

type Texts = Record<IssueKind, (d: IssueDetail) => string>;

const SV: Texts = {
  required: () => 'Fyll i fältet.',
  'too-long': (d) => `Skriv högst ${d.limit} tecken.`,
  'too-many': (d) => `Ange högst ${d.limit} stycken.`,
  'too-few': (d) => `Ange minst ${d.limit} stycken.`,
  'too-large': (d) => `Ange ett tal som är högst ${d.limit}.`,
  'too-small': (d) => `Ange ett tal som är minst ${d.limit}.`,
  integer: () => 'Ange ett heltal.',
  text: () => 'Ange en text.',
  number: () => 'Ange ett tal.',
  'yes-no': () => 'Ange ja eller nej (true eller false).',
  list: () => 'Ange en lista.',
  object: () => 'Ange ett objekt med fält.',
  choice: (d) => (d.options && d.options.length > 0 ? `Välj ett av alternativen: ${d.options.join(', ')}.` : 'Välj ett av alternativen.'),
  month: () => 'Ange en månad som ÅÅÅÅ-MM, till exempel 2026-03.',
  date: () => 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.',
  year: () => 'Ange ett år mellan 2000 och 2100.',
  link: () => 'Ange en fullständig länk som börjar med https:// eller http://.',
  characters: () => 'Ta bort osynliga styrtecken eller tecken som vänder textriktningen (de följer ofta med när text klistras in).',
  id: () => 'Ange ett id av bokstäver (a–z), siffror, - och _. Ladda om sidan om det kom från appen.',
  'unknown-field': () => 'Ta bort fältet; det hör inte till den här ändringen.',
  'nothing-to-change': () => 'Ändra minst ett fält innan du sparar.',
  'not-in-change': () => 'Ändringen har inte det fältet. Ladda om historiken och välj värdet igen.',
  'empty-value': () => 'Värdet är tomt; det finns inget att ta bort.',
  invalid: () => 'Kontrollera värdet och rätta det.',
};

const EN: Texts = {
  required: () => 'Fill in this field.',
  'too-long': (d) => `Write at most ${d.limit} characters.`,
  'too-many': (d) => `Give at most ${d.limit} items.`,
  'too-few': (d) => `Give at least ${d.limit} items.`,
  'too-large': (d) => `Enter a number no larger than ${d.limit}.`,
  'too-small': (d) => `Enter a number no smaller than ${d.limit}.`,
  integer: () => 'Enter a whole number.',
  text: () => 'Enter a text.',
  number: () => 'Enter a number.',
  'yes-no': () => 'Enter yes or no (true or false).',
  list: () => 'Enter a list.',
  object: () => 'Enter an object with fields.',
  choice: (d) => (d.options && d.options.length > 0 ? `Choose one of: ${d.options.join(', ')}.` : 'Choose one of the options.'),
  month: () => 'Enter a month as YYYY-MM, for example 2026-03.',
  date: () => 'Enter a date that exists, as YYYY-MM-DD, for example 2026-03-15.',
  year: () => 'Enter a year from 2000 to 2100.',
  link: () => 'Enter a full link that starts with https:// or http://.',
  characters: () => 'Remove invisible control characters or characters that reverse the text direction (they often come along when text is pasted).',
  id: () => 'Enter an id of letters (a–z), digits, - and _. Reload the page if it came from the app.',
  'unknown-field': () => 'Remove this field; it is not part of this change.',
  'nothing-to-change': () => 'Change at least one field before saving.',
  'not-in-change': () => 'The change has no such field. Reload the history and choose the value again.',
  'empty-value': () => 'The value is empty; there is nothing to remove.',
  invalid: () => 'Check the value and correct it.',
};

const TEXTS: Record<Locale, Texts> = { sv: SV, en: EN };

/** What to do about one issue, in `locale`. An issue without a kind gets the general instruction. */
export function issueText(issue: IssueDetail, locale: Locale): string {
  return TEXTS[locale][issue.kind ?? 'invalid'](issue);
}
