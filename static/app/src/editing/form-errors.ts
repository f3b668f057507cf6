/**
 * Turns the shared zod schema's issues into per-field errors the UI can translate. The schema's own
 * messages are developer English; the form needs "what to do" in the reader's language, so only the
 * kind of problem (and its bound) is kept.
 */
import type { z } from 'zod';
import type { ValidationIssue } from '@shared/errors';
import { FORBIDDEN_CHARACTERS_ISSUE } from '@shared/schemas';

export type FieldErrorKind = 'required' | 'too-long' | 'link' | 'month' | 'date' | 'characters' | 'invalid';
export interface FieldError {
  kind: FieldErrorKind;
  max?: number;
}

/** What each field expects, so a failed regex or refine can be explained in those terms. */
export type FieldShape = 'text' | 'link' | 'month' | 'date' | 'choice' | 'flag';

export function issuesToFieldErrors<F extends string>(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  shapes: Record<F, FieldShape>,
): Partial<Record<F, FieldError>> {
  const errors: Partial<Record<F, FieldError>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in shapes)) continue;
    const key = field as F;
    if (errors[key]) continue; // the first problem of a field is the one to fix first
    errors[key] = toFieldError(issue, shapes[key]);
  }
  return errors;
}

function toFieldError(issue: z.core.$ZodIssue, shape: FieldShape): FieldError {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { kind: 'too-long', max: issue.maximum };
  if (issue.code === 'too_small') return { kind: 'required' };
  if (issue.code === 'custom' && issue.params?.reason === FORBIDDEN_CHARACTERS_ISSUE.reason) return { kind: 'characters' };
  switch (shape) {
    case 'link':
      return { kind: 'link' };
    case 'month':
      return { kind: 'month' };
    case 'date':
      return { kind: 'date' };
    default:
      return { kind: 'invalid' };
  }
}

/** '' means "not set" in a text input; the model says null. */
export function emptyToNull(value: string): string | null {
  const t = value.trim();
  return t === '' ? null : t;
}

/**
 * The changed fields and the values the editor started from: the server refuses the edit only if one of
 * these fields was changed by someone else meanwhile, so unchanged fields must not be sent.
 */
export function diffFields<T extends object>(initial: T, next: T): { patch: Partial<T>; expected: Partial<T> } {
  const patch: Partial<T> = {};
  const expected: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (!Object.is(initial[key], next[key])) {
      patch[key] = next[key];
      expected[key] = initial[key];
    }
  }
  return { patch, expected };
}

/**
 * The server validates again and answers VALIDATION with dotted paths ('patch.link', 'fields.name').
 * The form shows those next to its fields too, as if it had found them itself.
 */
export function serverIssuesToFieldErrors<F extends string>(
  issues: ReadonlyArray<Pick<ValidationIssue, 'path' | 'kind' | 'limit'>> | undefined,
  shapes: Record<F, FieldShape>,
): Partial<Record<F, FieldError>> {
  const errors: Partial<Record<F, FieldError>> = {};
  for (const issue of issues ?? []) {
    const field = issue.path.split('.').find((segment) => segment in shapes) as F | undefined;
    if (!field || errors[field]) continue;
    const shape = shapes[field];
    errors[field] = fromIssueKind(issue) ?? { kind: shape === 'link' || shape === 'month' || shape === 'date' ? shape : 'invalid' };
  }
  return errors;
}

/** The server's issue kind (shared/issue-texts.ts) as the form's own, where the form has that kind. */
function fromIssueKind(issue: Pick<ValidationIssue, 'kind' | 'limit'>): FieldError | null {
  switch (issue.kind) {
    case 'required':
    case 'link':
    case 'month':
    case 'date':
    case 'characters':
      return { kind: issue.kind };
    case 'too-long':
      return { kind: 'too-long', max: issue.limit };
    default:
      return null;
  }
}
