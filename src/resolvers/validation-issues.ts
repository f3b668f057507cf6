/**
 * A payload's problems as the caller needs them: one issue per bad field, at its real dotted path, with a
 * message that says what to do (issue 12, finding 4).
 *
 * Zod reports a payload that matches no member of a union (upsertInitiative's create-or-edit) as one issue
 * at the union's own path, "Invalid input", with every member's issues nested inside. The member the
 * caller meant is the one whose fields are present: the one with the fewest problems at its top level (a
 * missing `id`/`patch` says "not this one"); its issues are reported, with paths made absolute.
 */
import type { z } from 'zod';
import type { ValidationIssue } from '../shared/errors';
import type { IssueDetail, IssueKind } from '../shared/issue-texts';
import { FORBIDDEN_CHARACTERS_ISSUE } from '../shared/schemas';

type Issue = z.core.$ZodIssue;

const joinPath = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

/** Zod's own wording names types ("expected string, received undefined"); a form needs the rule instead. */
function clearMessage(issue: Issue): string {
  const own = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(own) ? 'Required' : `Must be of type ${issue.expected}`;
    case 'invalid_value':
      return own.startsWith('Invalid option') ? `Must be one of: ${issue.values.map(String).join(', ')}` : own;
    case 'too_big':
      if (!own.startsWith('Too big')) return own;
      return issue.origin === 'string' ? `At most ${issue.maximum} characters` : issue.origin === 'array' ? `At most ${issue.maximum} items` : `At most ${issue.maximum}`;
    case 'too_small':
      if (!own.startsWith('Too small')) return own;
      return issue.origin === 'string' ? `At least ${issue.minimum} characters` : issue.origin === 'array' ? `At least ${issue.minimum} items` : `At least ${issue.minimum}`;
    default:
      return own;
  }
}

/**
 * The schemas' own messages of a failed regex or refine (src/shared/schemas.ts), by what they ask for. A
 * new refine without an entry here is reported as 'invalid'; test/resolvers/validation-texts.test.ts
 * checks each schema's typical failures get a kind that says what to do.
 */
const BY_MESSAGE: Array<[RegExp, IssueKind]> = [
  [/^Use the form YYYY-MM,/, 'month'],
  [/^Use the form YYYY-MM-DD|^Not a real date/, 'date'],
  [/^Year must be/, 'year'],
  [/^Links must start/, 'link'],
  [/is required$/, 'required'],
  [/^Invalid (id|region code|field name)$/, 'id'],
  [/^Nothing to change$/, 'nothing-to-change'],
];

const TYPE_KIND: Record<string, IssueKind> = { string: 'text', number: 'number', int: 'integer', boolean: 'yes-no', array: 'list', object: 'object' };

/** The kind of problem, with its bound or allowed values: what the UI needs to say what to do. */
function detail(issue: Issue): IssueDetail {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return { kind: 'required' };
      return { kind: TYPE_KIND[issue.expected] ?? 'invalid' };
    case 'invalid_value':
      return { kind: 'choice', options: issue.values.map(String) };
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { kind: 'too-long', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { kind: 'too-many', limit };
      return { kind: 'too-large', limit };
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return { kind: 'required' };
      if (issue.origin === 'array' || issue.origin === 'set') return { kind: 'too-few', limit };
      return { kind: 'too-small', limit };
    }
    case 'custom':
      if (issue.params?.reason === FORBIDDEN_CHARACTERS_ISSUE.reason) return { kind: 'characters' };
      break;
    default:
      break;
  }
  const known = BY_MESSAGE.find(([pattern]) => pattern.test(issue.message));
  return { kind: known ? known[1] : 'invalid' };
}

/** The union member the caller most likely meant (see the module comment). */
function likelyMember(members: Issue[][]): Issue[] {
  const topLevel = (issues: Issue[]) => issues.filter((i) => i.path.length <= 1).length;
  return members.reduce((best, next) =>
    topLevel(next) < topLevel(best) || (topLevel(next) === topLevel(best) && next.length < best.length) ? next : best,
  );
}

function flatten(issues: readonly Issue[], prefix: ReadonlyArray<PropertyKey>): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return flatten(likelyMember(issue.errors), path);
    // One issue per unknown field, at that field, so a form (or a developer) sees exactly what to remove.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: joinPath([...path, key]), message: 'Unknown field; remove it', kind: 'unknown-field' as const }));
    }
    return [{ path: joinPath(path), message: clearMessage(issue), ...detail(issue) }];
  });
}

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return flatten(error.issues, []);
}
