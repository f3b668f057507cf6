/**
 * The adfExport function body, shared by the four macros: find the programme the macro shows, apply the
 * read rule, build the view for the public (an exported PDF leaves Confluence), and turn it into ADF.
 * Storage is passed in, so the rule and the output are tested without a KVS.
 */
import type { MacroView, ProgrammeSummary } from '../shared/contract';
import { effectivePerspective } from '../shared/perspective';
import type { Initiative, ParticipantDetails, Programme } from '../shared/model';
import { label, MACRO_TITLES, type Locale, type MacroKey } from '../shared/vocabulary';
import { buildView, summariseProgramme } from '../domain/build-view';
import { detailsForAudience } from '../domain/contact-privacy';
import { readChosenProgramme } from '../domain/programme-choice';
import { mayReadProgramme } from '../domain/read-access';
import { doc, heading, paragraph, type AdfDoc } from './adf';
import { groupsParticipants, viewParticipantCount, type DetailsLookup, type ExportOptions } from './document-parts';
import { readExportEvent } from './export-event';
import { roadmapToAdf } from './roadmap-adf';
import { rolloutStatusToAdf } from './rollout-status-adf';
import { supportPlanToAdf } from './support-plan-adf';
import { technicalNeedsToAdf } from './technical-needs-adf';

/** The storage read path the export uses: the same cached snapshots the resolvers read. */
export interface ExportStorage {
  readProgrammeSnapshot(installation: string, programmeId: string): Promise<{ programme: Programme; initiatives: Initiative[] } | null>;
  readDefaultProgrammeSnapshot(installation: string, spaceKey: string): Promise<{ programme: Programme; initiatives: Initiative[] } | null>;
  /** The initiatives made whole with their needs' progress. */
  withNeedProgress(programmeId: string, initiatives: Initiative[]): Promise<Initiative[]>;
  /** One page of the programme's stored details (notes, links, contacts). */
  readDetailsPage(
    programmeId: string,
    cursor: string | undefined,
  ): Promise<{ entries: Array<{ initiativeId: string; code: string; details: ParticipantDetails }>; cursor: string | null }>;
}

/**
 * Details (notes, links, contacts) go into the document only for a programme of about the regions' size:
 * 50 initiatives × 21 regions. Beyond that, a document with every note would run to thousands of pages and
 * read megabytes from storage for one export; the page itself shows the details on demand (decision 0017).
 */
export const EXPORT_DETAILS_MAX_CELLS = 50 * 21;

async function loadDetails(storage: ExportStorage, programmeId: string): Promise<DetailsLookup> {
  const all = new Map<string, ParticipantDetails>();
  let cursor: string | undefined;
  do {
    const page = await storage.readDetailsPage(programmeId, cursor);
    // An exported document leaves Confluence: only the contacts marked public go in (decision 0020).
    for (const e of page.entries) all.set(`${e.initiativeId}:${e.code}`, detailsForAudience(e.details, 'public'));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return (initiativeId, code) => all.get(`${initiativeId}:${code}`);
}

/** The installation the call is for (Forge's second argument): the read cache is partitioned by it. */
function installationOf(runtime: unknown): string {
  const installContext = (runtime as { installContext?: unknown } | undefined)?.installContext;
  return typeof installContext === 'string' && installContext.length > 0 ? installContext : 'unknown-installation';
}

export interface ExportDeps {
  storage: ExportStorage;
  now: () => Date;
  log?: (message: string, error: unknown) => void;
}

const MESSAGES = {
  sv: {
    'no-programme': 'Det finns ingen översikt att visa här ännu.',
    unavailable: 'Översikten kan inte visas på den här sidan.',
    failed: 'Översikten kunde inte tas med i exporten. Försök igen om en stund.',
  },
  en: {
    'no-programme': 'There is no overview to show here yet.',
    unavailable: 'The overview cannot be shown on this page.',
    failed: 'The overview could not be included in the export. Please try again shortly.',
  },
} as const;

type Outcome = keyof (typeof MESSAGES)['sv'];

function messageDoc(macro: MacroKey, locale: Locale, outcome: Outcome): AdfDoc {
  return doc([heading(2, label(MACRO_TITLES, macro, locale)), paragraph(MESSAGES[locale][outcome])]);
}

export function viewToAdf(view: MacroView, programme: ProgrammeSummary, locale: Locale, options: ExportOptions): AdfDoc {
  switch (view.macro) {
    case 'rollout-status':
      return rolloutStatusToAdf(view, programme, locale, options);
    case 'technical-needs':
      return technicalNeedsToAdf(view, programme, locale, options);
    case 'support-plan':
      return supportPlanToAdf(view, programme, locale, options);
    case 'roadmap':
      return roadmapToAdf(view, programme, locale, options);
    default: {
      const unknown: never = view;
      throw new Error(`Unknown view: ${JSON.stringify(unknown)}`);
    }
  }
}

export function createExportHandler(macro: MacroKey, deps: ExportDeps): (event: unknown, runtime?: unknown) => Promise<AdfDoc> {
  return async (event, runtime) => {
    const request = readExportEvent(event);
    const installation = installationOf(runtime);
    try {
      const { config, spaceKey } = request;
      // Which programme: the same rule as the resolvers (storage/programme-choice.ts).
      const snapshot = await readChosenProgramme(deps.storage, installation, { programmeId: config.programmeId, spaceKey });
      if (!snapshot) return messageDoc(macro, request.locale, 'no-programme');
      // The message names nothing from the programme: an unpublished programme stays in its space.
      if (!mayReadProgramme(snapshot.programme, spaceKey)) return messageDoc(macro, request.locale, 'unavailable');
      // Only the technical-needs overview draws the needs' progress; it is stored apart (decision 0017).
      const initiatives =
        macro === 'technical-needs' ? await deps.storage.withNeedProgress(snapshot.programme.id, snapshot.initiatives) : snapshot.initiatives;
      const view = buildView({
        macro,
        programme: snapshot.programme,
        initiatives,
        config,
        now: deps.now(),
        audience: 'public',
      });
      const summary = summariseProgramme(snapshot.programme, initiatives);
      const cells = snapshot.programme.participants.length * snapshot.initiatives.length;
      // The grouped form (more participants than the document lists one by one) draws no details: not read.
      const details =
        cells <= EXPORT_DETAILS_MAX_CELLS && !groupsParticipants(viewParticipantCount(view))
          ? await loadDetails(deps.storage, snapshot.programme.id)
          : undefined;
      return viewToAdf(view, summary, request.locale, {
        timeZone: request.timeZone,
        layout: config.layout,
        perspective: effectivePerspective(config),
        details,
      });
    } catch (error) {
      deps.log?.(`adfExport ${macro} failed`, error);
      return messageDoc(macro, request.locale, 'failed');
    }
  };
}
