/** The Forge entry points named in manifest.yml; nothing else lives here. */
export { handler } from './resolvers';
export { exportRolloutStatus, exportTechnicalNeeds, exportSupportPlan, exportRoadmap } from './export';
