/**
 * Every validation issue names its field path and says what to do, in Swedish and English (issue 12,
 * finding 4). Each schema's typical failures are run through validationIssues, as defineResolver does; each
 * issue must carry a kind other than the general 'invalid', and that kind's text in both languages must be
 * an instruction (not zod's "Invalid input"), with the bound or the choices where there is one.
 */
import { validationIssues } from '../../src/resolvers/validation-issues';
import type { ValidationIssue } from '../../src/shared/errors';
import { issueText, ISSUE_KINDS, type IssueKind } from '../../src/shared/issue-texts';
import * as schemas from '../../src/shared/schemas';
import { LIMITS } from '../../src/shared/schemas';

const ID = 'init-1';
const cell = (patch: Record<string, unknown>, expected: Record<string, unknown> = {}) => ({ initiativeId: ID, regionCode: '01', patch, expected });

/** [schema, what is wrong, payload, the path and kind of the issue it must give]. */
const CASES: Array<[keyof typeof schemas, string, unknown, string, IssueKind]> = [
  ['updateCellSchema', 'a month as a date', cell({ pilotStart: '2026-03-01' }, { pilotStart: null }), 'patch.pilotStart', 'month'],
  ['updateCellSchema', 'month 13', cell({ pilotStart: '2026-13' }, { pilotStart: null }), 'patch.pilotStart', 'month'],
  ['updateCellSchema', 'a year out of range', cell({ broadEnd: '1999-01' }, { broadEnd: null }), 'patch.broadEnd', 'year'],
  ['updateCellSchema', '30 February', cell({ contactSince: '2026-02-30' }, { contactSince: null }), 'patch.contactSince', 'date'],
  ['updateCellSchema', 'a javascript: link', cell({ link: 'javascript:alert(1)' }, { link: null }), 'patch.link', 'link'],
  ['updateCellSchema', 'a note too long', cell({ note: 'x'.repeat(LIMITS.note + 1) }, { note: '' }), 'patch.note', 'too-long'],
  ['updateCellSchema', 'a bidi override', cell({ note: 'a\u202Eb' }, { note: '' }), 'patch.note', 'characters'],
  ['updateCellSchema', 'an unknown status', cell({ status: 'done' }, { status: 'pilot' }), 'patch.status', 'choice'],
  ['updateCellSchema', 'a number as a note', cell({ note: 5 }, { note: '' }), 'patch.note', 'text'],
  ['updateCellSchema', 'a string as a flag', cell({ contactEstablished: 'yes' }, { contactEstablished: false }), 'patch.contactEstablished', 'yes-no'],
  ['updateCellSchema', 'an unknown field', cell({ colour: 'red' }), 'patch.colour', 'unknown-field'],
  ['updateCellSchema', 'an empty patch', cell({}), 'patch', 'nothing-to-change'],
  ['updateCellSchema', 'a missing region', { initiativeId: ID, patch: { status: 'pilot' }, expected: { status: 'planning' } }, 'regionCode', 'required'],
  ['updateCellSchema', 'an id with a slash', { ...cell({ status: 'pilot' }, { status: 'planning' }), initiativeId: '../x' }, 'initiativeId', 'id'],
  ['upsertInitiativeSchema', 'a new initiative without a name', { fields: { name: ' ', kind: 'service', summary: '', infoLink: null, contact: '', rolloutType: null, phase: null, nationalPilotStart: null, nationalPilotEnd: null, nationalBroadStart: null, nationalBroadEnd: null } }, 'fields.name', 'required'],
  ['upsertInitiativeSchema', 'an edit with a bad month', { id: ID, patch: { nationalPilotStart: '2026/03' }, expected: { nationalPilotStart: null } }, 'patch.nationalPilotStart', 'month'],
  ['bulkUpdateCellsSchema', 'no regions', { initiativeId: ID, regionCodes: [], status: 'pilot', expected: {} }, 'regionCodes', 'too-few'],
  ['bulkUpdateCellsSchema', 'too many regions', { initiativeId: ID, regionCodes: Array.from({ length: LIMITS.bulkRegions + 1 }, (_, i) => `r${i}`), status: 'pilot', expected: {} }, 'regionCodes', 'too-many'],
  ['createProgrammeSchema', 'staleness of 0 days', { name: 'P', stalenessDays: 0 }, 'stalenessDays', 'too-small'],
  ['createProgrammeSchema', 'staleness of half a day', { name: 'P', stalenessDays: 1.5 }, 'stalenessDays', 'integer'],
  ['getHistorySchema', 'a page too large', { limit: LIMITS.historyPage + 1 }, 'limit', 'too-large'],
  ['redactHistorySchema', 'a side that is neither', { historyId: 'h1', field: 'note', side: 'both' }, 'side', 'choice'],
  ['upsertNeedSchema', 'a need without a category', { initiativeId: ID, fields: { title: 'HSA', required: true, description: '', link: null } }, 'fields.category', 'choice'],
  ['updateNeedProgressSchema', 'an unknown progress', { initiativeId: ID, needId: 'n1', regionCode: '01', patch: { progress: 'halfway' }, expected: { progress: 'not-started' } }, 'patch.progress', 'choice'],
  ['updateMilestoneSchema', 'a done date that is not a date', { initiativeId: ID, milestoneId: 'plan', patch: { doneOn: 'igår' }, expected: { doneOn: null } }, 'patch.doneOn', 'date'],
  ['addMilestoneSchema', 'a title missing', { initiativeId: ID, phase: 'planering' }, 'title', 'required'],
  ['reorderInitiativesSchema', 'ids that are not a list', { ids: 'a,b' }, 'ids', 'list'],
];

function issuesOf(schemaName: keyof typeof schemas, payload: unknown): ValidationIssue[] {
  const schema = schemas[schemaName] as { safeParse(p: unknown): { success: boolean; error?: Parameters<typeof validationIssues>[0] } };
  const parsed = schema.safeParse(payload);
  expect(parsed.success).toBe(false);
  return validationIssues(parsed.error!);
}

describe.each(CASES)('%s with %s', (schemaName, _what, payload, path, kind) => {
  it(`names ${path} and says what to do (${kind}) in Swedish and English`, () => {
    const issues = issuesOf(schemaName, payload);
    const issue = issues.find((i) => i.path === path);
    expect(issue).toMatchObject({ path, kind });
    for (const i of issues) expect(i.kind).not.toBe('invalid');
    const sv = issueText(issue!, 'sv');
    const en = issueText(issue!, 'en');
    expect(sv).not.toBe(en);
    for (const text of [sv, en]) {
      expect(text).toMatch(/\.$/);
      expect(text).not.toMatch(/Invalid input|expected|received/i);
      if (issue!.limit !== undefined) expect(text).toContain(String(issue!.limit));
      if (issue!.options) expect(text).toContain(issue!.options[0]!);
    }
  });
});

it('gives every kind a text in both languages', () => {
  for (const kind of ISSUE_KINDS) {
    for (const locale of ['sv', 'en'] as const) expect(issueText({ kind, limit: 3, options: ['a'] }, locale)).toMatch(/\S.*\.$/);
  }
  expect(issueText({ kind: 'month' }, 'sv')).toBe('Ange en månad som ÅÅÅÅ-MM, till exempel 2026-03.');
  expect(issueText({ kind: 'month' }, 'en')).toBe('Enter a month as YYYY-MM, for example 2026-03.');
});
