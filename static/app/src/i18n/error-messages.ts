/**
 * What the user reads when a resolver says no: one sentence about what happened and one about what to do.
 * The AppError's own message is English developer text and is never shown.
 */
import type { AppError, DenialReason, ErrorCode } from '@shared/errors';
import type { Locale } from '@shared/vocabulary';

export interface ErrorText {
  title: string;
  action: string;
}

type Table<K extends string> = Record<K, Record<Locale, ErrorText>>;

const BY_CODE: Table<ErrorCode> = {
  VALIDATION: {
    sv: { title: 'Några uppgifter har fel format.', action: 'Rätta fälten som är markerade och spara igen.' },
    en: { title: 'Some of the details are not in the right format.', action: 'Correct the marked fields and save again.' },
  },
  PERMISSION: {
    sv: { title: 'Du har inte behörighet att göra det här.', action: 'Be sidans ägare om redigeringsbehörighet.' },
    en: { title: 'You do not have permission to do this.', action: 'Ask the page owner for edit permission.' },
  },
  CONFLICT: {
    sv: {
      title: 'Någon annan har ändrat samma uppgift medan du redigerade.',
      action: 'Jämför med det nuvarande värdet och välj vilket som ska gälla. Det du skrev finns kvar.',
    },
    en: {
      title: 'Someone else changed the same entry while you were editing.',
      action: 'Compare with the current value and choose which one to keep. What you typed is still here.',
    },
  },
  NOT_FOUND: {
    sv: { title: 'Uppgiften finns inte längre.', action: 'Ladda om sidan för att se den senaste versionen.' },
    en: { title: 'The entry no longer exists.', action: 'Reload the page to see the latest version.' },
  },
  LIMIT: {
    sv: { title: 'Det blev för mycket på en gång.', action: 'Vänta en minut och försök igen, eller dela upp ändringen i mindre delar.' },
    en: { title: 'Too much at once.', action: 'Wait a minute and try again, or split the change into smaller parts.' },
  },
  RATE_LIMITED: {
    sv: { title: 'Tjänsten är hårt belastad just nu. Ingenting sparades.', action: 'Försök igen om en minut.' },
    en: { title: 'The service is very busy right now. Nothing was saved.', action: 'Try again in a minute.' },
  },
  INTERNAL: {
    sv: { title: 'Något gick fel, och ingenting har sparats.', action: 'Försök igen om en stund. Kvarstår felet, kontakta den som administrerar Confluence.' },
    en: { title: 'Something went wrong, and nothing was saved.', action: 'Try again in a while. If it keeps happening, contact your Confluence administrator.' },
  },
};

const BY_REASON: Table<DenialReason> = {
  'not-space-admin': {
    sv: {
      title: 'Bara utrymmets administratörer kan ändra programmets inställningar.',
      action: 'Be en administratör av utrymmet om hjälp, eller om administratörsbehörighet.',
    },
    en: {
      title: 'Only the administrators of the space can change the programme’s settings.',
      action: 'Ask an administrator of the space for help, or for administrator permission.',
    },
  },
  anonymous: {
    sv: { title: 'Du är inte inloggad.', action: 'Logga in i Confluence för att kunna redigera.' },
    en: { title: 'You are not logged in.', action: 'Log in to Confluence to edit.' },
  },
  unlicensed: {
    sv: {
      title: 'Du är inloggad som gäst utan Confluence-licens.',
      action: 'Be en Confluence-administratör om en licens för att kunna redigera och se ändringshistoriken.',
    },
    en: {
      title: 'You are signed in as a guest without a Confluence licence.',
      action: 'Ask a Confluence administrator for a licence to edit and to see the change history.',
    },
  },
  'no-page-edit': {
    sv: {
      title: 'Du har inte behörighet att redigera den här sidan.',
      action: 'Be sidans ägare om redigeringsbehörighet.',
    },
    en: { title: 'You do not have permission to edit this page.', action: 'Ask the page owner for edit permission.' },
  },
  'other-space': {
    sv: {
      title: 'Programmet hör till ett annat utrymme och kan bara redigeras därifrån.',
      action: 'Öppna en sida i programmets eget utrymme för att ändra uppgifterna.',
    },
    en: {
      title: 'The programme belongs to another space and can only be edited from there.',
      action: 'Open a page in the programme’s own space to change the details.',
    },
  },
  unpublished: {
    sv: {
      title: 'Programmet är inte publicerat utanför sitt eget utrymme.',
      action: 'Be programkontoret att publicera programmet, eller välj ett annat program i makrons inställningar.',
    },
    en: {
      title: 'The programme is not published outside its own space.',
      action: 'Ask the programme office to publish it, or choose another programme in the macro settings.',
    },
  },
  'no-programme': {
    sv: { title: 'Det finns inget program här ännu.', action: 'Skapa ett program eller välj ett i makrons inställningar.' },
    en: { title: 'There is no programme here yet.', action: 'Create a programme or choose one in the macro settings.' },
  },
  'not-in-macro': {
    sv: { title: 'Ändringen kom inte från en makro på en sida.', action: 'Ladda om sidan och försök igen.' },
    en: { title: 'The change did not come from a macro on a page.', action: 'Reload the page and try again.' },
  },
  'need-removed': {
    sv: {
      title: 'Behovet har tagits bort av någon annan medan du redigerade. Ingenting sparades.',
      action: 'Ladda om sidan. Behovet kan återställas från ändringshistoriken.',
    },
    en: {
      title: 'Someone else removed this need while you were editing. Nothing was saved.',
      action: 'Reload the page. The need can be restored from the change history.',
    },
  },
  'need-limit': {
    sv: {
      title: 'Initiativet har redan så många tekniska behov som det kan ha.',
      action: 'Ta bort eller slå ihop ett behov innan du lägger till ett nytt.',
    },
    en: {
      title: 'The initiative already has as many technical needs as it can have.',
      action: 'Remove or merge a need before adding another.',
    },
  },
  'milestone-removed': {
    sv: {
      title: 'Milstolpen har tagits bort av någon annan medan du redigerade. Ingenting sparades.',
      action: 'Ladda om sidan. Milstolpen kan återställas från ändringshistoriken.',
    },
    en: {
      title: 'Someone else removed this milestone while you were editing. Nothing was saved.',
      action: 'Reload the page. The milestone can be restored from the change history.',
    },
  },
  'milestone-limit': {
    sv: {
      title: 'Initiativet har redan så många milstolpar som det kan ha (30).',
      action: 'Ta bort eller slå ihop milstolpar innan du lägger till fler.',
    },
    en: {
      title: 'The initiative already has as many milestones as it can have (30).',
      action: 'Remove or merge milestones before adding more.',
    },
  },
};

export function describeError(error: AppError, locale: Locale): ErrorText {
  if (error.reason && BY_REASON[error.reason]) return BY_REASON[error.reason][locale];
  return (BY_CODE[error.code] ?? BY_CODE.INTERNAL)[locale];
}

/** Denial reasons explained on their own, e.g. next to hidden edit controls. */
export function describeDenial(reason: DenialReason, locale: Locale): ErrorText {
  return BY_REASON[reason][locale];
}
