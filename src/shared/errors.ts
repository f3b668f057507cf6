/**
 * Every resolver answers with one shape: data, or a typed error whose code the UI translates.
 * Validation failures, permission denials and version conflicts are distinct codes.
 */
import type { IssueKind } from './issue-texts';

/**
 * RATE_LIMITED: Forge's storage refused the installation's requests (429, over its per-minute or
 * per-second limit) even after a short retry (src/storage/kvs-retry.ts); nothing more was tried.
 */
export const ERROR_CODES = ['VALIDATION', 'PERMISSION', 'CONFLICT', 'NOT_FOUND', 'LIMIT', 'RATE_LIMITED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a caller may not write (or read) here. The UI explains each one. */
export const DENIAL_REASONS = [
  'anonymous',
  'unlicensed',
  'no-page-edit',
  'other-space',
  'unpublished',
  'no-programme',
  'not-in-macro',
  // Not denials: a need the edit names was removed meanwhile (NOT_FOUND), or the initiative already has
  // as many needs as it may (LIMIT). The UI explains these too.
  'need-removed',
  'need-limit',
  // Likewise for milestones (overview 3): removed meanwhile (NOT_FOUND), or as many as an initiative may have (LIMIT).
  'milestone-removed',
  'milestone-limit',
  // Administering a programme (settings): only the administrators of its space (decision 0022).
  'not-space-admin',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export interface ValidationIssue {
  /** Dotted path into the payload, e.g. 'patch.link'. */
  path: string;
  message: string;
  /** What kind of problem, so the UI can say what to do in the reader's language (shared/issue-texts.ts). */
  kind?: IssueKind;
  /** The bound of a length or size issue. */
  limit?: number;
  /** The allowed values of a choice. */
  options?: string[];
}

export interface AppError {
  code: ErrorCode;
  /** Developer-facing English message; the UI shows a translated text chosen by code and details. */
  message: string;
  reason?: DenialReason;
  issues?: ValidationIssue[];
  /** For CONFLICT: the current stored values of the conflicting fields, so the editor can choose. */
  current?: Record<string, unknown>;
  conflictingFields?: string[];
  /** For CONFLICT: when the record was last changed, and by whom (editors only ever see a conflict). */
  changedAt?: string | null;
  changedByName?: string | null;
  /**
   * For INTERNAL caused by stored data: the record that cannot be read, so an administrator can find it.
   * Retrying does not help; repairing or restoring the record does.
   */
  record?: { entity: string; key: string };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export class AppFailure extends Error {
  constructor(public readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

export function fail(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): never {
  throw new AppFailure({ code, message, ...extra });
}
