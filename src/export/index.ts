/**
 * The adfExport functions named in manifest.yml (export-rollout-status, …): Confluence calls them when a
 * page is exported to PDF or Word, or read through the REST API's export view, and gets ADF back.
 */
import { addNeedProgress, queryDetailsPage, readNeedProgress, readDefaultProgrammeSnapshot, readProgrammeSnapshot } from '../storage';
import { createExportHandler, type ExportDeps } from './export-handler';

const deps: ExportDeps = {
  storage: {
    readProgrammeSnapshot,
    readDefaultProgrammeSnapshot,
    withNeedProgress: async (programmeId, initiatives) => addNeedProgress(initiatives, await readNeedProgress(programmeId)),
    readDetailsPage: (programmeId, cursor) => queryDetailsPage({ programmeId }, cursor),
  },
  now: () => new Date(),
  // The Forge log; the message carries no page data.
  log: (message, error) => console.error(message, error instanceof Error ? error.message : String(error)),
};

export const exportRolloutStatus = createExportHandler('rollout-status', deps);
export const exportTechnicalNeeds = createExportHandler('technical-needs', deps);
export const exportSupportPlan = createExportHandler('support-plan', deps);
export const exportRoadmap = createExportHandler('roadmap', deps);

export { createExportHandler, viewToAdf, type ExportDeps, type ExportStorage } from './export-handler';
export { readExportEvent, type ExportRequest } from './export-event';
export { rolloutStatusToAdf } from './rollout-status-adf';
export { technicalNeedsToAdf } from './technical-needs-adf';
export { supportPlanToAdf } from './support-plan-adf';
export { roadmapToAdf } from './roadmap-adf';
export type { AdfDoc } from './adf';
