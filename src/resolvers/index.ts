/** The resolver function: every resolver of the contract, behind one Forge handler. */
import { getProgrammeAdmin, updateParticipant, updateProgrammeSettings } from './admin';
import { getCapabilities } from './capabilities';
import { bulkUpdateCells, updateCell } from './cells';
import { updateConnection } from './connection';
import { bulkUpdateContacts, updateContact } from './contacts';
import { toForgeHandler, type ResolverTable } from './define';
import { getDetails } from './details';
import { getHistory, redactHistory } from './history';
import { getHistoryDigest, getProgrammeHistory } from './programme-history';
import { applyImport, listImports, previewImport, undoImport } from './import';
import { getBackupPart, restoreBackup } from './backup';
import { addMilestone, applyTemplate, removeMilestone, reorderMilestones, restoreMilestone, setMilestoneTemplate, updateMilestone } from './milestones';
import { reorderInitiatives, setInitiativeArchived, upsertInitiative } from './initiatives';
import { bulkUpdateNeedProgress, removeNeed, reorderNeeds, restoreNeed, updateNeedProgress, upsertNeed } from './needs';
import { createProgrammeResolver, listProgrammes } from './programmes';
import { getView } from './view';

export const resolvers: ResolverTable = {
  getView,
  getCapabilities,
  listProgrammes,
  createProgramme: createProgrammeResolver,
  upsertInitiative,
  setInitiativeArchived,
  reorderInitiatives,
  updateCell,
  bulkUpdateCells,
  getHistory,
  getProgrammeHistory,
  getHistoryDigest,
  getDetails,
  upsertNeed,
  reorderNeeds,
  removeNeed,
  restoreNeed,
  updateNeedProgress,
  bulkUpdateNeedProgress,
  updateMilestone,
  addMilestone,
  reorderMilestones,
  removeMilestone,
  restoreMilestone,
  applyTemplate,
  setMilestoneTemplate,
  updateContact,
  bulkUpdateContacts,
  updateConnection,
  redactHistory,
  getProgrammeAdmin,
  updateProgrammeSettings,
  updateParticipant,
  previewImport,
  applyImport,
  undoImport,
  listImports,
  getBackupPart,
  restoreBackup,
};

export const handler = toForgeHandler(resolvers);
