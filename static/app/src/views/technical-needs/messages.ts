import { defineMessages } from '../../i18n/define-messages';

export const technicalNeedsMessages = defineMessages({
  sv: {
    caption: 'Tekniska behov för {initiative}',
    need: 'Behov',
    category: 'Kategori',
    requirement: 'Krav',
    done: 'Klart',
    regionsGroup: 'Framsteg per region',
    noInitiatives: 'Det finns inga införanden i programmet ännu.',
    noNeeds: 'Inga tekniska behov är registrerade för det här införandet.',
    notes: 'Anteckningar per region ({count})',
    notesFor: 'Anteckningar för {need}',
    legend: 'Teckenförklaring',
    allRegionsDone: 'Klart i alla regioner där behovet är aktuellt',
  },
  en: {
    caption: 'Technical needs for {initiative}',
    need: 'Need',
    category: 'Category',
    requirement: 'Requirement',
    done: 'Done',
    regionsGroup: 'Progress per region',
    noInitiatives: 'The programme has no initiatives yet.',
    noNeeds: 'No technical needs are recorded for this initiative.',
    notes: 'Notes per region ({count})',
    notesFor: 'Notes for {need}',
    legend: 'Legend',
    allRegionsDone: 'Done in every region where the need applies',
  },
});
