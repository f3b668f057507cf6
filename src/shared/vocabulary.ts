/**
 * The product's fixed vocabulary. The keys are stored; the labels are what every page, CSV header and
 * export says. Swedish first: the UI follows the Confluence locale and falls back to Swedish.
 */
export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Labelled<K extends string> = Record<K, Record<Locale, string>>;

export const ROLLOUT_STATUSES = ['not-started', 'planning', 'pilot', 'rollout', 'live', 'declined'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];
export const ROLLOUT_STATUS_LABELS: Labelled<RolloutStatus> = {
  'not-started': { sv: 'Ej påbörjat', en: 'Not started' },
  planning: { sv: 'Planering pågår', en: 'Planning' },
  pilot: { sv: 'Pilot (tidigt införande)', en: 'Pilot' },
  rollout: { sv: 'Breddinförande pågår', en: 'Broad rollout' },
  live: { sv: 'Infört', en: 'Live' },
  declined: { sv: 'Avstår / ej aktuellt', en: 'Declined / not applicable' },
};
/** Short forms for narrow matrix cells; the full label always stays in the accessible name. */
export const ROLLOUT_STATUS_SHORT: Labelled<RolloutStatus> = {
  'not-started': { sv: 'Ej påb.', en: 'Not st.' },
  planning: { sv: 'Plan.', en: 'Plan.' },
  pilot: { sv: 'Pilot', en: 'Pilot' },
  rollout: { sv: 'Bredd', en: 'Broad' },
  live: { sv: 'Infört', en: 'Live' },
  declined: { sv: 'Avstår', en: 'Declined' },
};

export const NEED_PROGRESS = ['not-started', 'in-progress', 'done', 'not-applicable'] as const;
export type NeedProgress = (typeof NEED_PROGRESS)[number];
export const NEED_PROGRESS_LABELS: Labelled<NeedProgress> = {
  'not-started': { sv: 'Ej påbörjad', en: 'Not started' },
  'in-progress': { sv: 'Pågår', en: 'In progress' },
  done: { sv: 'Klar', en: 'Done' },
  'not-applicable': { sv: 'Ej aktuell', en: 'Not applicable' },
};

export const NEED_CATEGORIES = [
  'care-system-integration',
  'service-contract',
  'support-service',
  'infrastructure',
  'regional-adaptation',
  'other',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export const NEED_CATEGORY_LABELS: Labelled<NeedCategory> = {
  'care-system-integration': { sv: 'Integration mot verksamhetssystem', en: 'Integration with care system' },
  'service-contract': { sv: 'Anslutning till tjänstekontrakt', en: 'Service contract connection' },
  'support-service': { sv: 'Stödtjänst (HSA, SITHS, Sjunet …)', en: 'Support service (HSA, SITHS, Sjunet …)' },
  infrastructure: { sv: 'Infrastruktur (nätverk, brandväggsöppningar)', en: 'Infrastructure (network, firewall openings)' },
  'regional-adaptation': { sv: 'Regional anpassning', en: 'Regional adaptation' },
  other: { sv: 'Annat', en: 'Other' },
};

export const NEED_REQUIRED_LABELS: Labelled<'required' | 'optional'> = {
  required: { sv: 'Obligatorisk', en: 'Required' },
  optional: { sv: 'Valbar', en: 'Optional' },
};

export const PHASES = ['initiering', 'planering', 'genomforande', 'avslut'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Labelled<Phase> = {
  initiering: { sv: 'Initiering', en: 'Initiation' },
  planering: { sv: 'Planering', en: 'Planning' },
  genomforande: { sv: 'Genomförande', en: 'Execution' },
  avslut: { sv: 'Avslut', en: 'Closure' },
};

export const ROLLOUT_TYPES = ['technology', 'business', 'both'] as const;
export type RolloutType = (typeof ROLLOUT_TYPES)[number];
export const ROLLOUT_TYPE_LABELS: Labelled<RolloutType> = {
  technology: { sv: 'Teknikintensivt', en: 'Technology-heavy' },
  business: { sv: 'Verksamhetsintensivt', en: 'Business-heavy' },
  both: { sv: 'Både teknik- och verksamhetsintensivt', en: 'Both technology- and business-heavy' },
};

export const INITIATIVE_KINDS = ['project', 'service', 'assignment'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_LABELS: Labelled<InitiativeKind> = {
  project: { sv: 'Projekt', en: 'Project' },
  service: { sv: 'Tjänst', en: 'Service' },
  assignment: { sv: 'Uppdrag', en: 'Assignment' },
};

/** The four macros. The module keys in manifest.yml are exactly these. */
export const MACRO_KEYS = ['rollout-status', 'technical-needs', 'support-plan', 'roadmap'] as const;
export type MacroKey = (typeof MACRO_KEYS)[number];
export const MACRO_TITLES: Labelled<MacroKey> = {
  'rollout-status': { sv: 'Status över införanden per region', en: 'Rollout status per region' },
  'technical-needs': { sv: 'Teknisk utveckling och anpassningar', en: 'Technical development and adaptations' },
  'support-plan': { sv: 'Plan för införandestöd', en: 'Implementation support plan' },
  roadmap: { sv: 'Roadmap', en: 'Roadmap' },
};

/** The default milestone template: the rollout model's phases with typical milestones. */
export const DEFAULT_MILESTONES: ReadonlyArray<{ id: string; phase: Phase; title: Record<Locale, string> }> = [
  { id: 'rollout-type', phase: 'initiering', title: { sv: 'Införandetyp bedömd', en: 'Rollout type assessed' } },
  { id: 'stakeholders', phase: 'initiering', title: { sv: 'Målgrupper och intressenter identifierade', en: 'Target groups and stakeholders identified' } },
  { id: 'plan', phase: 'planering', title: { sv: 'Införandeplan framtagen', en: 'Rollout plan written' } },
  { id: 'mirrored-org', phase: 'planering', title: { sv: 'Speglad införandeorganisation bemannad', en: 'Mirrored rollout organisation staffed' } },
  { id: 'schedule', phase: 'planering', title: { sv: 'Tidplan fastställd', en: 'Schedule set' } },
  { id: 'connection-material', phase: 'genomforande', title: { sv: 'Anslutnings- och integrationsmaterial klart', en: 'Connection/integration material ready' } },
  { id: 'training-material', phase: 'genomforande', title: { sv: 'Utbildningsmaterial klart', en: 'Training material ready' } },
  { id: 'communication-plan', phase: 'genomforande', title: { sv: 'Kommunikationsplan klar', en: 'Communication plan ready' } },
  { id: 'pilot-done', phase: 'genomforande', title: { sv: 'Pilot genomförd', en: 'Pilot done' } },
  { id: 'handover', phase: 'avslut', title: { sv: 'Överlämnat till förvaltning', en: 'Handed over to maintenance' } },
  { id: 'evaluation', phase: 'avslut', title: { sv: 'Uppföljning och utvärdering genomförd', en: 'Follow-up and evaluation done' } },
];

export function label<K extends string>(table: Labelled<K>, key: K, locale: Locale): string {
  return table[key][locale];
}
