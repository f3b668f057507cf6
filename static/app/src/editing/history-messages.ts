/**
 * The texts of removing a value from the history (issue 12: personal data written by mistake). Apart from
 * the shared editing texts so the history's own texts stay together.
 */
import { defineMessages } from '../i18n/define-messages';

export const historyMessages = defineMessages({
  sv: {
    redact: 'Ta bort ur historiken',
    redactNamed: 'Ta bort ur historiken: {field}, värdet {side} ändringen {when}',
    redactSideOld: 'före',
    redactSideNew: 'efter',
    redactTitle: 'Ta bort ett värde ur historiken',
    redactIntro: 'Använd det här när personuppgifter eller annat som inte skulle sparas har skrivits in av misstag.',
    redactValue: 'Värdet {side} ändringen av {field} {when}:',
    redactPermanent: 'Värdet tas bort för gott och kan inte återställas. Historiken visar att det är borttaget, av dig och när.',
    redactCurrent:
      'Det nuvarande värdet ändras inte. Står uppgiften kvar i översikten, ändra den där på vanligt sätt. Finns den i fler ändringar i historiken, ta bort den i var och en.',
    redactConfirm: 'Ta bort värdet',
    redactCancel: 'Avbryt',
    redactedBy: 'Borttaget av {name} {when}',
    redactedAt: 'Borttaget {when}',
    redactDone: 'Värdet är borttaget ur historiken.',
  },
  en: {
    redact: 'Redact',
    redactNamed: 'Redact from the history: {field}, the value {side} the change of {when}',
    redactSideOld: 'before',
    redactSideNew: 'after',
    redactTitle: 'Redact a value from the history',
    redactIntro: 'Use this when personal data or anything else that should not be kept was written by mistake.',
    redactValue: 'The value of {field} {side} the change of {when}:',
    redactPermanent: 'The value is removed for good and cannot be restored. The history shows that it was redacted, by you and when.',
    redactCurrent:
      'The current value is not changed. If the overview still shows it, edit it there as usual. If it appears in more changes in the history, redact it in each.',
    redactConfirm: 'Redact the value',
    redactCancel: 'Cancel',
    redactedBy: 'Redacted by {name} {when}',
    redactedAt: 'Redacted {when}',
    redactDone: 'The value is redacted from the history.',
  },
});
