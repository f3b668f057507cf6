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
  /**
   * Per initiative, so that its record (what the views draw) stays under Forge's 240 KiB with every text
   * at its maximum (decision 0017; test/storage/record-bounds.test.ts proves it).
   */
  needsPerInitiative: 12,
  milestonesPerInitiative: 30,
  needDescription: 1000,
} as const;
