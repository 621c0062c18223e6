import type { PublicStatus } from '../action/public-view.js';
import { PHONE_NUMBERS, phoneRuleNl } from './phone-numbers-nl.js';

/**
 * The Burgernetapp and the public action page (/acties/{id}), in Dutch. The browser scripts get the texts
 * they need from the page (a JSON block rendered from here), so every word an app user reads is here.
 */
export const appNl = {
  name: 'Burgernet',
  description: 'Zie waar de politie nu uw hulp vraagt, in de buurt van waar u bent. Uw locatie blijft op uw telefoon.',
  /** Which number is for what, shown with "Bel politie" (the same rule as on the site). */
  phoneRule: phoneRuleNl,
  status: { actief: 'Actief', afgesloten: 'Afgesloten', ingetrokken: 'Ingetrokken' } satisfies Record<
    PublicStatus,
    string
  >,
  home: {
    title: 'Acties bij u in de buurt',
    intro:
      'Burgernet laat zien waar de politie nu uw hulp vraagt. Uw telefoon bepaalt zelf welke acties bij u in de buurt zijn: uw locatie gaat niet naar Burgernet.',
    noscript: 'Zet JavaScript aan om te zien welke acties bij u in de buurt zijn. Hieronder staan alle actieve acties.',
    locationButton: 'Mijn locatie gebruiken',
    notificationsButton: 'Meldingen aanzetten',
    nearHeading: 'Nu actief bij u in de buurt',
    nearNone: 'Er zijn nu geen actieve acties bij u in de buurt.',
    recentHeading: 'Onlangs afgelopen bij u in de buurt',
    recentNone: 'Er zijn geen onlangs afgelopen acties bij u in de buurt.',
    notifiedHeading: 'Eerder gemeld op deze telefoon',
    allHeading: 'Alle actieve acties in Nederland',
    allNone: 'Er zijn nu geen actieve acties.',
    privacyHeading: 'Uw locatie blijft op uw telefoon',
    privacyText:
      'De app haalt de lijst met acties op en kijkt op uw telefoon welke bij u in de buurt zijn. Voor meldingen stuurt uw telefoon alleen een grove zone van een paar vierkante kilometer; de server onthoudt die een paar minuten in het geheugen en schrijft hem nergens op.',
  },
  script: {
    locationAsking: 'Uw locatie wordt bepaald…',
    locationKnown: 'Uw locatie is bekend op uw telefoon.',
    locationDenied: 'U heeft geen toestemming gegeven voor uw locatie. U ziet alle actieve acties in Nederland.',
    locationUnavailable: 'Uw locatie kon niet worden bepaald. U ziet alle actieve acties in Nederland.',
    notificationsOn: 'Meldingen staan aan.',
    notificationsUnavailable: 'Meldingen zijn op deze telefoon of in deze browser niet beschikbaar.',
    notificationsDenied: 'U heeft meldingen geweigerd. U kunt dit veranderen in de instellingen van uw browser.',
    offline: 'U bent offline. U ziet de acties zoals de app ze het laatst kreeg; die kunnen nu anders zijn.',
    loadFailed:
      'Burgernet is nu niet bereikbaar. U ziet de acties zoals de app ze het laatst kreeg; die kunnen nu anders zijn.',
    lastUpdated: 'Laatst bijgewerkt om {time}.',
    /** An answer from before today. */
    lastUpdatedOn: 'Laatst bijgewerkt op {date} om {time}.',
    retrying: 'De app probeert het vanzelf opnieuw.',
    /** The last answer had no active action; said only with its time, never as "now". */
    noneAtLastUpdate: 'Bij de laatste keer bijwerken waren er geen actieve acties.',
    nearNoneAtLastUpdate: 'Bij de laatste keer bijwerken waren er geen actieve acties bij u in de buurt.',
    open: 'Bekijk de actie',
    started: 'Gestart',
    ended: 'Beëindigd',
    copied: 'De link is gekopieerd.',
    tipSending: 'Uw tip wordt verstuurd…',
    tipSent: 'Bedankt! Uw tip is bij de meldkamer.',
    tipFailed: 'Uw tip kon niet worden verstuurd. Probeer het opnieuw of bel de politie.',
    tipTextRequired: 'Vul in wat u heeft gezien.',
    tipErrorsHeading: 'Controleer de volgende gegevens',
    tipTooLarge: 'De foto is groter dan 10 MB. Kies een kleinere foto.',
    mapLabel: 'Kaart met het gebied van de actie',
  },
  action: {
    notFoundTitle: 'Actie niet gevonden',
    notFound: 'Deze actie bestaat niet of is niet openbaar.',
    backToApp: 'Naar alle acties bij u in de buurt',
    meldkamer: (name: string) => `Meldkamer ${name}`,
    photoAlt: 'Foto van de politie bij deze actie',
    mapHeading: 'Gebied',
    mapHint: 'Het gebied waarin de politie zoekt.',
    resultHeading: 'Afloop',
    withdrawn: 'Deze actie is ingetrokken. U hoeft niet meer uit te kijken.',
    detailsRemoved: 'De beschrijving en de foto zijn verwijderd nu deze actie is afgesloten.',
    descriptionHeading: 'Signalement',
    instructionsHeading: 'Wat moet u doen?',
    callMeldkamer: 'Bel politie',
    callMeldkamerHint: (meldkamer: string, number: string) =>
      `Deze knop belt de meldkamer ${meldkamer}, die deze actie leidt: ${number}. U betaalt uw gewone belkosten.`,
    /** The meldkamer has no number of its own: the button dials the police's national number. */
    callPoliceHint: (number: string) =>
      `Deze knop belt het algemene nummer van de politie: ${number}. U betaalt uw gewone belkosten.`,
    call112: `Bel ${PHONE_NUMBERS.emergency}`,
    call112Hint: `Er is direct gevaar. Ziet u iets? Bel ${PHONE_NUMBERS.emergency}.`,
    share: 'Delen',
    shareWhatsApp: 'Delen via WhatsApp',
    shareText: (title: string) => `Burgernet: ${title}. Kijkt u mee?`,
    /** The title the phone's share sheet gets. */
    shareTitle: (title: string) => `Burgernet: ${title}`,
    tipHeading: 'Iets gezien? Stuur een tip',
    tipIntro: `Uw tip gaat direct naar de meldkamer. Is er spoed? Bel ${PHONE_NUMBERS.emergency}.`,
    tipText: 'Wat heeft u gezien?',
    tipTextHint: 'Bijvoorbeeld: ik zie hem nu bij het station. Hoogstens 500 tekens.',
    tipPhoto: 'Foto',
    tipPhotoHint: 'Een foto van hoogstens 10 MB. Locatie- en cameragegevens in de foto worden verwijderd.',
    tipPhone: 'Uw telefoonnummer',
    tipPhoneHint: 'Als de politie u mag terugbellen.',
    tipSubmit: 'Tip versturen',
    tipNeedsScript: 'Zet JavaScript aan om een tip te sturen, of bel de politie.',
  },
};
