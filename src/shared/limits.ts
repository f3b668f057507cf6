/** Lengths and counts the schemas enforce. Free of zod, so the UI's first chunk can show them. */
export const LIMITS = {
  name: 200,
  shortText: 300,
  note: 2000,
  summary: 4000,
  link: 2000,
  id: 64,
  bulkRegions: 400,
  historyPage: 50,
  reorder: 500,
  participants: 400,
  /** A new programme's own list (decision 0027): as many as the municipalities, within the record bound. */
  customParticipants: 290,
  customParticipantName: 100,
  /**
   * Per initiative, so that its record (what the views draw) stays under Forge's 240 KiB with every text
   * at its maximum (decision 0017; test/storage/record-bounds.test.ts proves it).
   */
  needsPerInitiative: 12,
  milestonesPerInitiative: 30,
  needDescription: 1000,
} as const;

/**
 * CSV import (decision 0028). A preview part is also cut by size in the browser (under Forge's 500 KB per
 * request); an apply part is ten transactions of 21 cells, well inside one invocation's time.
 */
export const IMPORT_LIMITS = {
  previewCells: 4000,
  previewBytes: 450_000,
  applyCells: 210,
  /** New initiatives per apply call: one transaction each, so a call stays well inside an invocation's time. */
  createPerCall: 10,
  /** Imports per page of the space page's list. */
  listPage: 10,
  rows: 100_000,
  fileName: 255,
  /** A cell lines file at L with every note at its maximum is about 60 MB (decision 0031); it is read in the browser only. */
  fileBytes: 100_000_000,
} as const;

/**
 * The roadmap's time range from the macro config, in whole years: at most six years wide,
 * so the timeline stays drawable, and within years a plan can sensibly name. Shared by the schema, the
 * config dialog and the domain.
 */
export const ROADMAP_RANGE = { minYear: 2000, maxYear: 2100, maxYears: 6 } as const;

/** Why a roadmap range is refused, or null when it is usable. Zod-free, so the config dialog uses it too. */
export function roadmapRangeProblem(fromYear: number | undefined, toYear: number | undefined): 'year' | 'order' | 'span' | null {
  const isYear = (y: number | undefined) => y === undefined || (Number.isInteger(y) && y >= ROADMAP_RANGE.minYear && y <= ROADMAP_RANGE.maxYear);
  if (!isYear(fromYear) || !isYear(toYear)) return 'year';
  if (fromYear !== undefined && toYear !== undefined) {
    if (toYear < fromYear) return 'order';
    if (toYear - fromYear + 1 > ROADMAP_RANGE.maxYears) return 'span';
  }
  return null;
}
