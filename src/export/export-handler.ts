/**
 * The adfExport function body, shared by the four macros: find the programme the macro shows, apply the
 * read rule, build the view for the public (an exported PDF leaves Confluence), and turn it into ADF.
 * Storage is passed in, so the rule and the output are tested without a KVS.
 */
import type { MacroView, ProgrammeSummary } from '../shared/contract';
import { effectivePerspective } from '../shared/perspective';
import type { Initiative, Programme } from '../shared/model';
import { label, MACRO_TITLES, type Locale, type MacroKey } from '../shared/vocabulary';
import { buildView, summariseProgramme } from '../domain/build-view';
import { mayReadProgramme } from '../domain/read-access';
import { doc, heading, paragraph, type AdfDoc } from './adf';
import type { ExportOptions } from './document-parts';
import { readExportEvent } from './export-event';
import { roadmapToAdf } from './roadmap-adf';
import { rolloutStatusToAdf } from './rollout-status-adf';
import { supportPlanToAdf } from './support-plan-adf';
import { technicalNeedsToAdf } from './technical-needs-adf';

/** The storage read path the export uses: the same cached snapshots the resolvers read. */
export interface ExportStorage {
  readProgrammeSnapshot(programmeId: string): Promise<{ programme: Programme; initiatives: Initiative[] } | null>;
  readDefaultProgrammeSnapshot(spaceKey: string): Promise<{ programme: Programme; initiatives: Initiative[] } | null>;
}

/** The form of the ids the app generates; anything else in a macro config cannot name a programme. */
const PROGRAMME_ID = /^[A-Za-z0-9_-]{1,64}$/;

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

export function createExportHandler(macro: MacroKey, deps: ExportDeps): (event: unknown) => Promise<AdfDoc> {
  return async (event) => {
    const request = readExportEvent(event);
    try {
      const { config, spaceKey } = request;
      // Which programme: the configured one, else the space's default — as the resolvers choose.
      const snapshot = config.programmeId
        ? PROGRAMME_ID.test(config.programmeId)
          ? await deps.storage.readProgrammeSnapshot(config.programmeId)
          : null
        : spaceKey
          ? await deps.storage.readDefaultProgrammeSnapshot(spaceKey)
          : null;
      if (!snapshot) return messageDoc(macro, request.locale, 'no-programme');
      // The message names nothing from the programme: an unpublished programme stays in its space.
      if (!mayReadProgramme(snapshot.programme, spaceKey)) return messageDoc(macro, request.locale, 'unavailable');
      const view = buildView({
        macro,
        programme: snapshot.programme,
        initiatives: snapshot.initiatives,
        config,
        now: deps.now(),
        audience: 'public',
      });
      const summary = summariseProgramme(snapshot.programme, snapshot.initiatives);
      return viewToAdf(view, summary, request.locale, { timeZone: request.timeZone, layout: config.layout, perspective: effectivePerspective(config) });
    } catch (error) {
      deps.log?.(`adfExport ${macro} failed`, error);
      return messageDoc(macro, request.locale, 'failed');
    }
  };
}
