/**
 * Validation at the boundary, shared by the UI's forms and the resolvers. Objects are strict (unknown
 * fields are rejected), strings are bounded, links are http(s) only and dates are real dates.
 */
import { z } from 'zod';
import {
  INITIATIVE_KINDS,
  LOCALES,
  NEED_CATEGORIES,
  NEED_PROGRESS,
  PHASES,
  ROLLOUT_STATUSES,
  ROLLOUT_TYPES,
} from './vocabulary';
import { IMPORT_LIMITS, LIMITS, ROADMAP_RANGE, roadmapRangeProblem } from './limits';
import { PROCESS_TEMPLATE_IDS } from './process-templates';
import { CELL_LINE_COLUMNS, CELL_LINE_FIELDS, type CellLineField } from './cell-lines-csv';

// Before any schema exists: zod decides per schema, when it is built, whether to compile a fast parser
// with `new Function`. Forge's Custom UI CSP has no 'unsafe-eval', so that probe is a logged CSP
// violation there. Set here, it runs before the first schema in every bundle that validates anything,
// whatever the import order; the backend only loses a parsing shortcut it does not need at these sizes.
z.config({ jitless: true });

// The limits live apart from zod, so a view can show them without loading the schemas.
export { LIMITS } from './limits';

/** 'YYYY-MM' with a real month. */
export const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use the form YYYY-MM, e.g. 2026-03' })
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { message: 'Year must be 2000–2100' });

/** 'YYYY-MM-DD' that exists in the calendar (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the form YYYY-MM-DD' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { message: 'Not a real date' },
  )
  // The same years as months: storage keeps days from 2000 on (decision 0017).
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { message: 'Year must be 2000–2100' });

/**
 * Characters no text of the app may hold: control characters other than tab and line breaks (invisible,
 * and six bytes each once JSON-escaped, which would break the record bounds of decision 0017), half a
 * surrogate pair (not a character at all, and also escaped to six bytes), and the bidirectional overrides
 * and isolates, which can make a name read differently from what it is.
 */
// Matching control characters is the point of this expression.
export const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_MESSAGE = 'Remove invisible control or text-direction characters (often pasted along with the text)';
/** The refine's marker, so a form can explain this problem in the reader's language. */
export const FORBIDDEN_CHARACTERS_ISSUE = { reason: 'forbidden-characters' } as const;
const allowedCharacters = { message: FORBIDDEN_MESSAGE, params: FORBIDDEN_CHARACTERS_ISSUE };
/** http: or https: only: javascript:, data: and friends never reach a page. */
export const webLink = z
  .string()
  .trim()
  .max(LIMITS.link)
  .refine((v) => !FORBIDDEN_CHARACTERS.test(v), allowedCharacters)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Links must start with https:// or http://' },
  );

const text = (max: number) => z.string().max(max).refine((v) => !FORBIDDEN_CHARACTERS.test(v), allowedCharacters);
const requiredName = () =>
  z
    .string()
    .trim()
    .min(1, { message: 'A name is required' })
    .max(LIMITS.name)
    .refine((v) => !FORBIDDEN_CHARACTERS.test(v), allowedCharacters);
const id = z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_-]+$/, { message: 'Invalid id' });
export const regionCode = z.string().min(1).max(16).regex(/^[A-Za-z0-9_-]+$/, { message: 'Invalid region code' });

export const cellFieldsSchema = z.strictObject({
  status: z.enum(ROLLOUT_STATUSES),
  note: text(LIMITS.note),
  link: webLink.nullable(),
  pilotStart: yearMonth.nullable(),
  pilotEnd: yearMonth.nullable(),
  broadStart: yearMonth.nullable(),
  broadEnd: yearMonth.nullable(),
  contactEstablished: z.boolean(),
  contactSince: isoDate.nullable(),
  regionalContact: text(LIMITS.shortText),
  nationalContact: text(LIMITS.shortText),
});
export const cellPatchSchema = cellFieldsSchema.partial();

export const initiativeFieldsSchema = z.strictObject({
  name: requiredName(),
  kind: z.enum(INITIATIVE_KINDS),
  summary: text(LIMITS.summary),
  infoLink: webLink.nullable(),
  contact: text(LIMITS.shortText),
  rolloutType: z.enum(ROLLOUT_TYPES).nullable(),
  phase: z.enum(PHASES).nullable(),
  nationalPilotStart: yearMonth.nullable(),
  nationalPilotEnd: yearMonth.nullable(),
  nationalBroadStart: yearMonth.nullable(),
  nationalBroadEnd: yearMonth.nullable(),
});
export const initiativePatchSchema = initiativeFieldsSchema.partial();

/**
 * A cell edit. `expected` holds the values the editor started from for each field in `patch`: the server
 * refuses the edit as a conflict only if one of those fields changed meanwhile to something else.
 */
export const updateCellSchema = z
  .strictObject({
    initiativeId: id,
    regionCode,
    patch: cellPatchSchema,
    expected: cellPatchSchema,
  })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateCellInput = z.infer<typeof updateCellSchema>;

/** One status for several regions of an initiative at once, written in one transaction. */
export const bulkUpdateCellsSchema = z.strictObject({
  initiativeId: id,
  regionCodes: z.array(regionCode).min(1).max(LIMITS.bulkRegions),
  status: z.enum(ROLLOUT_STATUSES),
  /** The status each region had when the editor chose; a region changed meanwhile is a conflict. */
  expected: z.record(regionCode, z.enum(ROLLOUT_STATUSES)),
});
export type BulkUpdateCellsInput = z.infer<typeof bulkUpdateCellsSchema>;

/** Create (no id) or edit (id) an initiative's details, with the same field-level conflict rule. */
export const upsertInitiativeSchema = z.union([
  z.strictObject({ id: z.undefined().optional(), fields: initiativeFieldsSchema }),
  z
    .strictObject({ id, patch: initiativePatchSchema, expected: initiativePatchSchema })
    .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] }),
]);
export type UpsertInitiativeInput = z.infer<typeof upsertInitiativeSchema>;

export const setInitiativeArchivedSchema = z.strictObject({ id, archived: z.boolean() });
export type SetInitiativeArchivedInput = z.infer<typeof setInitiativeArchivedSchema>;

/** The full new order of the programme's initiatives, by id. */
export const reorderInitiativesSchema = z.strictObject({ ids: z.array(id).min(1).max(LIMITS.reorder) });
export type ReorderInitiativesInput = z.infer<typeof reorderInitiativesSchema>;

/** Who a new programme is for (decision 0027): the 21 regions, the 290 municipalities, or a list the office gives. */
export const PARTICIPANT_SETS = ['regions', 'municipalities', 'custom'] as const;
export type ParticipantSet = (typeof PARTICIPANT_SETS)[number];

export const createProgrammeSchema = z
  .strictObject({
    name: requiredName(),
    description: text(LIMITS.summary).default(''),
    stalenessDays: z.number().int().min(1).max(3650).default(90),
    published: z.boolean().default(false),
    participantSet: z.enum(PARTICIPANT_SETS).default('regions'),
    // Lazy: the participant rules are defined with the administration schemas further down.
    participants: z.lazy(() => customParticipantsSchema).optional(),
  })
  // The regions and municipalities come from the server's own lists; only a custom set carries one.
  .refine((v) => (v.participantSet === 'custom') === (v.participants !== undefined), {
    message: 'A custom participant set needs its list, and only a custom set has one',
    path: ['participants'],
  });
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;

export const getHistorySchema = z
  .strictObject({
    initiativeId: id.optional(),
    regionCode: regionCode.optional(),
    /** One need's changes (its definition and its progress); needs are looked up within their initiative. */
    needId: id.optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(LIMITS.historyPage).optional(),
  })
  .refine((v) => v.needId === undefined || v.initiativeId !== undefined, { message: 'A need is filtered within its initiative', path: ['initiativeId'] });
export type GetHistoryInput = z.infer<typeof getHistorySchema>;

/**
 * Removes one value (the field's value before or after the change) from a history entry: personal data
 * written by mistake. The field is named as the entry names it.
 */
export const redactHistorySchema = z.strictObject({
  historyId: id,
  field: z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_.:-]+$/, { message: 'Invalid field name' }),
  side: z.enum(['old', 'new']),
});
export type RedactHistoryInput = z.infer<typeof redactHistorySchema>;

/**
 * The programme's history from the space page (decision 0030): filtered by initiative, participant, user (an
 * account id) and a time range (inclusive; the browser sends the reader's day boundaries as ISO times).
 */
const historyTime = z.iso
  .datetime({ message: 'Use an ISO time, e.g. 2026-03-01T00:00:00Z' })
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { message: 'Year must be 2000–2100' });
const historyFilter = {
  programmeId: id,
  initiativeId: id.optional(),
  regionCode: regionCode.optional(),
  by: z.string().min(1).max(128).regex(/^[A-Za-z0-9:_-]+$/, { message: 'Invalid account id' }).optional(),
  to: historyTime.optional(),
};
const fromBeforeTo = (v: { from?: string; to?: string }) => v.from === undefined || v.to === undefined || Date.parse(v.from) <= Date.parse(v.to);
const FROM_BEFORE_TO = { message: 'The start must not be after the end', path: ['to'] };

/** A page of the programme's history; `limit` up to 100 (the CSV reads with it; a page also stops at 2 MB). */
export const getProgrammeHistorySchema = z
  .strictObject({ ...historyFilter, from: historyTime.optional(), cursor: z.string().min(1).max(2000).optional(), limit: z.number().int().min(1).max(100).optional() })
  .refine(fromBeforeTo, FROM_BEFORE_TO);
export type GetProgrammeHistoryInput = z.infer<typeof getProgrammeHistorySchema>;

/** "What changed since `from`": the same filter, the start required. */
export const getHistoryDigestSchema = z.strictObject({ ...historyFilter, from: historyTime }).refine(fromBeforeTo, FROM_BEFORE_TO);
export type GetHistoryDigestInput = z.infer<typeof getHistoryDigestSchema>;

export const getDetailsSchema = z.strictObject({
  initiativeId: id.optional(),
  regionCode: regionCode.optional(),
  cursor: z.string().max(2000).optional(),
});
export type GetDetailsInput = z.infer<typeof getDetailsSchema>;

export const needProgressSchema = z.enum(NEED_PROGRESS);

// ---------------------------------------------------------------- technical needs (overview 2)

/** What an editor writes of a need; its progress is per participant (updateNeedProgress). */
export const needFieldsSchema = z.strictObject({
  title: requiredName(),
  category: z.enum(NEED_CATEGORIES),
  required: z.boolean(),
  description: text(LIMITS.needDescription),
  link: webLink.nullable(),
});
export type NeedFields = z.infer<typeof needFieldsSchema>;
export const needPatchSchema = needFieldsSchema.partial();

/**
 * Add a need (no needId; it goes last, at most LIMITS.needsPerInitiative per initiative) or edit one
 * (needId), with the field-level conflict rule of decision 0004.
 */
export const upsertNeedSchema = z.union([
  z.strictObject({ initiativeId: id, needId: z.undefined().optional(), fields: needFieldsSchema }),
  z
    .strictObject({ initiativeId: id, needId: id, patch: needPatchSchema, expected: needPatchSchema })
    .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] }),
]);
export type UpsertNeedInput = z.infer<typeof upsertNeedSchema>;

/** The full new order of the initiative's needs, by id: exactly the needs it has, each once. */
export const reorderNeedsSchema = z.strictObject({ initiativeId: id, needIds: z.array(id).min(1).max(LIMITS.needsPerInitiative) });
export type ReorderNeedsInput = z.infer<typeof reorderNeedsSchema>;

export const removeNeedSchema = z.strictObject({ initiativeId: id, needId: id });
export type RemoveNeedInput = z.infer<typeof removeNeedSchema>;

/** Undoes a removal: `historyId` is the history entry that recorded it. */
export const restoreNeedSchema = z.strictObject({ initiativeId: id, historyId: id });
export type RestoreNeedInput = z.infer<typeof restoreNeedSchema>;

export const needProgressFieldsSchema = z.strictObject({ progress: needProgressSchema, note: text(LIMITS.note) });
export const needProgressPatchSchema = needProgressFieldsSchema.partial();

/** One participant's progress and note for one need, with the field-level conflict rule of decision 0004. */
export const updateNeedProgressSchema = z
  .strictObject({
    initiativeId: id,
    needId: id,
    regionCode,
    patch: needProgressPatchSchema,
    expected: needProgressPatchSchema,
  })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateNeedProgressInput = z.infer<typeof updateNeedProgressSchema>;

/** One progress for several participants at once, in one transaction (decision 0012). */
export const bulkUpdateNeedProgressSchema = z.strictObject({
  initiativeId: id,
  needId: id,
  regionCodes: z.array(regionCode).min(1).max(LIMITS.bulkRegions),
  progress: needProgressSchema,
  /** The progress each participant had when the editor chose; a participant changed meanwhile is a conflict. */
  expected: z.record(regionCode, needProgressSchema),
});
export type BulkUpdateNeedProgressInput = z.infer<typeof bulkUpdateNeedProgressSchema>;

/**
 * The macro's configuration, saved by the config dialog in the page (Forge passes it back in the
 * context). Unknown or malformed config falls back to the defaults rather than breaking the page.
 */
export const macroConfigSchema = z.object({
  /** Empty: the programme of this page's space. */
  programmeId: z.string().max(LIMITS.id).optional(),
  perspective: z.enum(['programme', 'region', 'initiative']).default('programme'),
  regionCode: z.string().max(16).optional(),
  initiativeId: z.string().max(LIMITS.id).optional(),
  layout: z.enum(['initiatives-as-rows', 'regions-as-rows']).default('initiatives-as-rows'),
  showArchived: z.boolean().default(false),
  /** The roadmap's first and last year (decision 0023); empty: from last year to the year after next. */
  rangeFromYear: z.number().int().min(ROADMAP_RANGE.minYear).max(ROADMAP_RANGE.maxYear).optional(),
  rangeToYear: z.number().int().min(ROADMAP_RANGE.minYear).max(ROADMAP_RANGE.maxYear).optional(),
});
export type MacroConfig = z.infer<typeof macroConfigSchema>;

/**
 * The stored config, validated. A roadmap range that is malformed or refused by roadmapRangeProblem (to
 * before from, wider than six years) falls back to the default range; the config dialog refuses it first.
 */
export function parseMacroConfig(raw: unknown): MacroConfig {
  const parsed = macroConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    // A bad roadmap range alone costs only the range, not the perspective and programme chosen with it.
    const issues = parsed.error.issues;
    if (issues.every((i) => i.path[0] === 'rangeFromYear' || i.path[0] === 'rangeToYear') && typeof raw === 'object' && raw !== null) {
      const { rangeFromYear: _from, rangeToYear: _to, ...rest } = raw as Record<string, unknown>;
      return parseMacroConfig(rest);
    }
    return macroConfigSchema.parse({});
  }
  const config = parsed.data;
  if (roadmapRangeProblem(config.rangeFromYear, config.rangeToYear)) {
    const { rangeFromYear: _from, rangeToYear: _to, ...rest } = config;
    return rest;
  }
  return config;
}

// ---------------------------------------------------------------- implementation support (overview 3)

/** A milestone's title: required, and as long as a short text (the record bounds of decision 0017 assume it). */
const milestoneTitle = z
  .string()
  .trim()
  .min(1, { message: 'A title is required' })
  .max(LIMITS.shortText)
  .refine((v) => !FORBIDDEN_CHARACTERS.test(v), allowedCharacters);

/**
 * What an editor changes of a milestone: ticked or not, the day it was done (a real day, not in the future:
 * checked against the server's clock by the edit), the planned month, a short note and the title.
 */
export const milestoneFieldsSchema = z.strictObject({
  title: milestoneTitle,
  done: z.boolean(),
  doneOn: isoDate.nullable(),
  dueMonth: yearMonth.nullable(),
  note: text(LIMITS.shortText),
});
export type MilestoneFields = z.infer<typeof milestoneFieldsSchema>;
export const milestonePatchSchema = milestoneFieldsSchema.partial();

/** Tick, untick, date, plan, note or rename one milestone, with the field-level conflict rule of decision 0004. */
export const updateMilestoneSchema = z
  .strictObject({ initiativeId: id, milestoneId: id, patch: milestonePatchSchema, expected: milestonePatchSchema })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;

/** A new milestone goes last in its phase; at most LIMITS.milestonesPerInitiative per initiative. */
export const addMilestoneSchema = z.strictObject({
  initiativeId: id,
  phase: z.enum(PHASES),
  title: milestoneTitle,
  dueMonth: yearMonth.nullable().optional(),
  note: text(LIMITS.shortText).optional(),
});
export type AddMilestoneInput = z.infer<typeof addMilestoneSchema>;

/** The full new order of the initiative's milestones, by id: exactly the milestones it has, each once. */
export const reorderMilestonesSchema = z.strictObject({
  initiativeId: id,
  milestoneIds: z.array(id).min(1).max(LIMITS.milestonesPerInitiative),
});
export type ReorderMilestonesInput = z.infer<typeof reorderMilestonesSchema>;

export const removeMilestoneSchema = z.strictObject({ initiativeId: id, milestoneId: id });
export type RemoveMilestoneInput = z.infer<typeof removeMilestoneSchema>;

/** Undoes a removal: `historyId` is the history entry that recorded it. */
export const restoreMilestoneSchema = z.strictObject({ initiativeId: id, historyId: id });
export type RestoreMilestoneInput = z.infer<typeof restoreMilestoneSchema>;

/**
 * Adds the milestones of a built-in template (shared/process-templates.ts) or of the programme's own template
 * ('programme') that the initiative does not have yet, titled in `locale` (default: the caller's language).
 */
export const applyTemplateSchema = z.strictObject({
  initiativeId: id,
  templateId: z.enum([...PROCESS_TEMPLATE_IDS, 'programme']),
  locale: z.enum(LOCALES).optional(),
});
export type ApplyTemplateInput = z.infer<typeof applyTemplateSchema>;

/** The programme's milestone template as a whole: an item without id is new. Conditioned on the programme's version. */
export const setMilestoneTemplateSchema = z.strictObject({
  /** One of the context space's programmes: the template is administered from the space page (decision 0022). */
  programmeId: id,
  items: z
    .array(z.strictObject({ id: id.optional(), phase: z.enum(PHASES), title: milestoneTitle }))
    .max(LIMITS.milestonesPerInitiative),
  expectedVersion: z.number().int().min(1),
});
export type SetMilestoneTemplateInput = z.infer<typeof setMilestoneTemplateSchema>;

/**
 * One participant’s connection process (decision 0026): its start day (null: not started, which also clears
 * the steps) and the steps done as a bit mask, bit n-1 for step n of the 12.
 */
export const connectionFieldsSchema = z.strictObject({
  start: isoDate.nullable(),
  done: z.number().int().min(0).max(4095),
});
export type ConnectionFieldsInput = z.infer<typeof connectionFieldsSchema>;
export const connectionPatchSchema = connectionFieldsSchema.partial();
export const updateConnectionSchema = z
  .strictObject({ initiativeId: id, regionCode, patch: connectionPatchSchema, expected: connectionPatchSchema })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateConnectionInput = z.infer<typeof updateConnectionSchema>;

/**
 * A participant's contact: established and since when (a real day, not in the future), the regional and the
 * national contact, and for each whether the public may see it (decision 0020).
 */
export const contactFieldsSchema = z.strictObject({
  contactEstablished: z.boolean(),
  contactSince: isoDate.nullable(),
  regionalContact: text(LIMITS.shortText),
  nationalContact: text(LIMITS.shortText),
  regionalContactPublic: z.boolean(),
  nationalContactPublic: z.boolean(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;
export const contactPatchSchema = contactFieldsSchema.partial();

export const updateContactSchema = z
  .strictObject({ initiativeId: id, regionCode, patch: contactPatchSchema, expected: contactPatchSchema })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/**
 * "Contact established" since one day for several participants of an initiative at once (one transaction,
 * decision 0012); the contacts' texts and public flags are left as they are.
 */
export const bulkUpdateContactsSchema = z.strictObject({
  initiativeId: id,
  regionCodes: z.array(regionCode).min(1).max(LIMITS.bulkRegions),
  contactSince: isoDate.nullable(),
  /** Each participant's established and since when the editor chose; one changed meanwhile is a conflict. */
  expected: z.record(regionCode, z.strictObject({ contactEstablished: z.boolean(), contactSince: isoDate.nullable() })),
});
export type BulkUpdateContactsInput = z.infer<typeof bulkUpdateContactsSchema>;

// ---------------------------------------------------------------- programme administration (decision 0022)

/** The settings a space administrator changes: name, description, staleness threshold, published flag. */
export const programmeSettingsSchema = z.strictObject({
  name: requiredName(),
  description: text(LIMITS.summary),
  stalenessDays: z.number().int().min(1).max(3650),
  published: z.boolean(),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;
export const programmeSettingsPatchSchema = programmeSettingsSchema.partial();

/**
 * Changes a programme's settings with the field-level conflict rule of decision 0004. `programmeId` only
 * chooses among the programmes of the caller's space (from the context): it never grants access.
 */
export const updateProgrammeSettingsSchema = z
  .strictObject({ programmeId: id, patch: programmeSettingsPatchSchema, expected: programmeSettingsPatchSchema })
  .refine((v) => Object.keys(v.patch).length > 0, { message: 'Nothing to change', path: ['patch'] });
export type UpdateProgrammeSettingsInput = z.infer<typeof updateProgrammeSettingsSchema>;

/**
 * A participant as an administrator names it: its code (stable, never reused), name and short name. Names are
 * shorter than other names: every participant a programme ever had (LIMITS.participants, retired ones too) lives
 * in the programme record, and at 200 three-byte characters they would not fit Forge's 240 KiB
 * (test/storage/programme-record-bounds.test.ts proves the bound).
 */
const participantName = requiredName().max(LIMITS.customParticipantName, { message: `At most ${LIMITS.customParticipantName} characters` });
const participantShort = z
  .string()
  .trim()
  .min(1, { message: 'A short name is required' })
  .max(40)
  .refine((v) => !FORBIDDEN_CHARACTERS.test(v), allowedCharacters);

/**
 * Adds, renames, retires or reinstates one participant of one of the space's programmes (decision 0022).
 * A rename carries the names it started from (the field-level rule of decision 0004). Retiring keeps
 * every record of the participant; nothing about it is ever deleted.
 */
/** The duplicate-code problem's message, so the create form can tell it apart and say it in the reader's language. */
export const DUPLICATE_CODE_MESSAGE = 'This code is already in the list';

/**
 * A new programme's own participant list (decision 0027): at least one, at most as many as the municipalities,
 * names of at most LIMITS.customParticipantName characters (so the programme record stays under Forge's
 * 240 KiB with every text at its maximum; test/storage/programme-record-bounds.test.ts), and every code once.
 */
export const customParticipantsSchema = z
  .array(
    z.strictObject({
      code: regionCode,
      name: participantName,
      short: participantShort,
    }),
  )
  .min(1, { message: 'Give at least one participant' })
  .max(LIMITS.customParticipants, { message: `At most ${LIMITS.customParticipants} participants` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, k) => {
      if (seen.has(p.code)) ctx.addIssue({ code: 'custom', message: DUPLICATE_CODE_MESSAGE, path: [k, 'code'] });
      seen.add(p.code);
    });
  });

export const updateParticipantSchema = z.discriminatedUnion('action', [
  z.strictObject({ programmeId: id, action: z.literal('add'), code: regionCode, name: participantName, short: participantShort }),
  z.strictObject({
    programmeId: id,
    action: z.literal('rename'),
    code: regionCode,
    name: participantName,
    short: participantShort,
    expected: z.strictObject({ name: z.string().max(LIMITS.name), short: z.string().max(40) }),
  }),
  z.strictObject({ programmeId: id, action: z.literal('retire'), code: regionCode }),
  z.strictObject({ programmeId: id, action: z.literal('reinstate'), code: regionCode }),
]);
export type UpdateParticipantInput = z.infer<typeof updateParticipantSchema>;

/** A part of a parsed CSV import to preview (decision 0028): at most IMPORT_LIMITS.previewCells cells per call, under 500 KB. */
export const previewImportSchema = z.strictObject({
  programmeId: id,
  cells: z
    .array(
      z.strictObject({
        row: z.number().int().min(1).max(IMPORT_LIMITS.rows),
        column: z.number().int().min(1).max(IMPORT_LIMITS.rows),
        initiative: text(LIMITS.name),
        participant: text(LIMITS.name),
        status: z.enum(ROLLOUT_STATUSES),
        initiativeInRows: z.boolean(),
      }),
    )
    .max(IMPORT_LIMITS.previewCells),
  /** A cell lines file instead (decision 0031): its lines (with `cells` empty) and where its columns are. */
  lines: z
    .array(
      z.strictObject({
        row: z.number().int().min(1).max(IMPORT_LIMITS.rows),
        initiative: text(LIMITS.name),
        participant: text(LIMITS.name),
        values: cellFieldsSchema.pick(Object.fromEntries(CELL_LINE_FIELDS.map((f) => [f, true])) as Record<CellLineField, true>).partial(),
      }),
    )
    .max(IMPORT_LIMITS.previewCells)
    .optional(),
  lineColumns: z.partialRecord(z.enum(CELL_LINE_COLUMNS), z.number().int().min(1).max(100)).optional(),
});
export type PreviewImportInput = z.infer<typeof previewImportSchema>;

const importChange = z.strictObject({ initiativeId: id, regionCode, old: z.enum(ROLLOUT_STATUSES), new: z.enum(ROLLOUT_STATUSES) });

/** A value of a cell lines field, checked by the cell edit's own schema of that field (decision 0031). */
const lineFieldValue = z.union([z.string().max(LIMITS.note), z.boolean(), z.null()]);
const importFieldChange = z
  .strictObject({ field: z.enum(CELL_LINE_FIELDS), old: lineFieldValue, new: lineFieldValue })
  .refine((c) => cellFieldsSchema.shape[c.field].safeParse(c.old).success && cellFieldsSchema.shape[c.field].safeParse(c.new).success, {
    message: 'Not a value of this field',
  });
const importLineChange = z.strictObject({
  initiativeId: id,
  regionCode,
  fields: z.array(importFieldChange).min(1).max(CELL_LINE_FIELDS.length),
});

/**
 * A part of a confirmed preview to apply: the cells with the status the preview showed (a stale one is a
 * CONFLICT), or the names of initiatives the preview listed as new, to create first (decision 0028).
 */
export const applyImportSchema = z
  .strictObject({
    programmeId: id,
    importId: id,
    fileName: text(IMPORT_LIMITS.fileName),
    counts: z.strictObject({
      changes: z.number().int().min(0).max(1_000_000),
      unchanged: z.number().int().min(0).max(1_000_000),
      created: z.number().int().min(0).max(1_000_000).optional(),
    }),
    create: z.array(requiredName()).max(IMPORT_LIMITS.createPerCall).optional(),
    changes: z.array(importChange).max(IMPORT_LIMITS.applyCells),
    /** A cell lines import's changed cells, field by field (decision 0031); cut by size too, under 500 KB. */
    lines: z.array(importLineChange).max(IMPORT_LIMITS.applyCells).optional(),
  })
  .refine((v) => v.changes.length > 0 || (v.create ?? []).length > 0 || (v.lines ?? []).length > 0, { message: 'Nothing to import', path: ['changes'] });
export type ApplyImportInput = z.infer<typeof applyImportSchema>;

export const undoImportSchema = z.strictObject({ programmeId: id, importId: id });
export type UndoImportInput = z.infer<typeof undoImportSchema>;

/** A page of a programme's imports for the space page's list (newest first). */
export const listImportsSchema = z.strictObject({ programmeId: id, cursor: z.string().min(1).max(2000).optional() });
export type ListImportsInput = z.infer<typeof listImportsSchema>;
