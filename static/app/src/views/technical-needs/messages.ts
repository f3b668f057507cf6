import { defineMessages } from '../../i18n/define-messages';

export const technicalNeedsMessages = defineMessages({
  sv: {
    caption: 'Tekniska behov för {initiative}',
    need: 'Behov',
    category: 'Kategori',
    requirement: 'Krav',
    done: 'Klart',
    noInitiatives: 'Det finns inga införanden i programmet ännu.',
    noNeeds: 'Inga tekniska behov är registrerade för det här införandet.',
    notes: 'Anteckningar per region ({count})',
    notesFor: 'Anteckningar för {need}',
    legend: 'Teckenförklaring',
    hasNote: 'Har anteckning',
    notesLoading: 'Hämtar anteckningar …',
    notesFailed: 'Anteckningarna kunde inte hämtas.',
  },
  en: {
    caption: 'Technical needs for {initiative}',
    need: 'Need',
    category: 'Category',
    requirement: 'Requirement',
    done: 'Done',
    noInitiatives: 'The programme has no initiatives yet.',
    noNeeds: 'No technical needs are recorded for this initiative.',
    notes: 'Notes per region ({count})',
    notesFor: 'Notes for {need}',
    legend: 'Legend',
    hasNote: 'Has a note',
    notesLoading: 'Loading notes …',
    notesFailed: 'The notes could not be loaded.',
  },
});
