/**
 * The built-in catalogue of technical needs an editor can start from (issue 8): what regions typically
 * have to build or arrange before a national e-health service can be used. Choosing one fills in the
 * need form in the editor's language; the editor may change anything before saving, or type a new need.
 */
import type { NeedFields } from './schemas';
import type { Labelled, Locale, NeedCategory } from './vocabulary';

export const NEED_CATALOGUE_KEYS = [
  'service-contracts',
  'hsa',
  'siths',
  'sjunet',
  'firewall-openings',
  'identity-provider',
  'ehr-integration',
  'regional-routines',
] as const;
export type NeedCatalogueKey = (typeof NEED_CATALOGUE_KEYS)[number];

export interface NeedCatalogueEntry {
  category: NeedCategory;
  /** Whether the need is typically required (obligatorisk) rather than optional (valbar). */
  required: boolean;
}

const ENTRIES: Record<NeedCatalogueKey, NeedCatalogueEntry> = {
  'service-contracts': { category: 'service-contract', required: true },
  hsa: { category: 'support-service', required: true },
  siths: { category: 'support-service', required: true },
  sjunet: { category: 'support-service', required: false },
  'firewall-openings': { category: 'infrastructure', required: true },
  'identity-provider': { category: 'support-service', required: true },
  'ehr-integration': { category: 'care-system-integration', required: false },
  'regional-routines': { category: 'regional-adaptation', required: true },
};

export const NEED_CATALOGUE_TITLES: Labelled<NeedCatalogueKey> = {
  'service-contracts': { sv: 'Anslutning till tjänstekontrakt', en: 'Service contract connection' },
  hsa: { sv: 'HSA-katalogen', en: 'HSA directory' },
  siths: { sv: 'SITHS-inloggning', en: 'SITHS login' },
  sjunet: { sv: 'Sjunet-anslutning', en: 'Sjunet connection' },
  'firewall-openings': { sv: 'Brandväggsöppningar', en: 'Firewall openings' },
  'identity-provider': { sv: 'Identitetsleverantör (IdP)', en: 'Identity provider (IdP)' },
  'ehr-integration': { sv: 'Journalsystemsintegration', en: 'EHR integration' },
  'regional-routines': { sv: 'Regionala rutiner', en: 'Regional routines' },
};

export const NEED_CATALOGUE_DESCRIPTIONS: Labelled<NeedCatalogueKey> = {
  'service-contracts': {
    sv: 'Regionens system är anslutna till de nationella tjänstekontrakt som tjänsten använder, via den nationella tjänsteplattformen.',
    en: 'The region’s systems are connected to the national service contracts the service uses, through the national service platform.',
  },
  hsa: {
    sv: 'Verksamheter, funktioner och medarbetare som ska använda tjänsten finns med rätt uppgifter och behörigheter i HSA-katalogen.',
    en: 'The units, functions and staff who will use the service are registered with the right details and roles in the HSA directory.',
  },
  siths: {
    sv: 'Medarbetarna kan logga in med SITHS-kort eller SITHS eID, och verksamhetens system har giltiga SITHS-certifikat.',
    en: 'Staff can log in with a SITHS card or SITHS eID, and the organisation’s systems have valid SITHS certificates.',
  },
  sjunet: {
    sv: 'Verksamheten når tjänsten över Sjunet, vårdens eget nätverk, där tjänsten kräver det.',
    en: 'The organisation reaches the service over Sjunet, the Swedish healthcare network, where the service requires it.',
  },
  'firewall-openings': {
    sv: 'Regionens brandväggar och proxyer släpper igenom trafiken till och från tjänstens adresser och portar.',
    en: 'The region’s firewalls and proxies let traffic through to and from the service’s addresses and ports.',
  },
  'identity-provider': {
    sv: 'Regionens identitetsleverantör är kopplad till tjänsten, så att medarbetarna loggar in med sin vanliga inloggning.',
    en: 'The region’s identity provider is federated with the service, so staff log in with their usual account.',
  },
  'ehr-integration': {
    sv: 'Tjänsten är integrerad med regionens journalsystem, så att uppgifter kan läsas och dokumenteras utan dubbelregistrering.',
    en: 'The service is integrated with the region’s electronic health record, so information is read and documented without entering it twice.',
  },
  'regional-routines': {
    sv: 'Regionen har tagit fram och förankrat rutiner för hur verksamheten arbetar med tjänsten, med ansvar och support.',
    en: 'The region has written and agreed routines for how its services work with the service, including responsibilities and support.',
  },
};

export function needCatalogueEntry(key: NeedCatalogueKey): NeedCatalogueEntry {
  return ENTRIES[key];
}

/** A catalogue need as the fields of a new need, in the editor's language (no link: that is the region's own). */
export function needFromCatalogue(key: NeedCatalogueKey, locale: Locale): NeedFields {
  const { category, required } = ENTRIES[key];
  return {
    title: NEED_CATALOGUE_TITLES[key][locale],
    category,
    required,
    description: NEED_CATALOGUE_DESCRIPTIONS[key][locale],
    link: null,
  };
}
