import { defineMessages } from '../i18n/define-messages';

/** The space page's create section (decision 0027). */
export const adminCreateMessages = defineMessages({
  sv: {
    createHeading: 'Skapa utrymmets program',
    createIntro: 'Utrymmet har inget program ännu. Ge programmet ett namn och välj vilka som deltar.',
  },
  en: {
    createHeading: 'Create the space’s programme',
    createIntro: 'The space has no programme yet. Name the programme and choose who takes part.',
  },
});
