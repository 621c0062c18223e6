import type { Catalogue } from './catalogue.js';
import { pleinNl } from './plein-nl.js';
import { dashboardNl } from './dashboard-nl.js';
import { appNl } from './app-nl.js';
import { selfServiceNl } from './self-service-nl.js';
import { mailNl } from './mail-nl.js';
import { pageChromeNl } from './page-chrome-nl.js';
import { cliNl } from './cli-nl.js';
import { problemDetailsNl } from './problem-details-nl.js';

export const nl: Catalogue = {
  actionTypes: {
    vermissing: 'Vermissing',
    diefstal: 'Diefstal',
    inbraak: 'Inbraak',
    overval: 'Overval',
    beroving: 'Beroving',
    'doorrijden-na-aanrijding': 'Doorrijden na aanrijding',
    'verdachte-situatie': 'Verdachte situatie',
    noodsituatie: 'Noodsituatie',
  },
  results: {
    gevonden: 'Gevonden',
    aangehouden: 'Aangehouden',
    opgelost: 'Opgelost',
    teruggevonden: 'Teruggevonden',
    'niet-gevonden': 'Niet gevonden',
    'niet-aangehouden': 'Niet aangehouden',
    'geen-resultaat': 'Geen resultaat',
  },
  sms: {
    alert: ({ message, description }) =>
      `Burgernet: ${message}${description ? ` ${description}` : ''} Gezien? Bel gratis 0800-0011.`,
    emergency: ({ message, instructions }) => `Burgernet noodsituatie: ${message} ${instructions}`,
    update: ({ text }) => `Burgernet update: ${text} Gezien? Bel gratis 0800-0011.`,
    closing: ({ text }) => `Burgernet afgesloten: ${text}`,
    defaultClosing: ({ type, result }) => {
      const thanks = 'Bedankt voor uw hulp.';
      switch (result) {
        case 'gevonden':
          return type === 'vermissing' ? `De vermiste persoon is gevonden. ${thanks}` : `Gevonden. ${thanks}`;
        case 'aangehouden':
          return `De verdachte is aangehouden. ${thanks}`;
        case 'opgelost':
          return `De situatie is opgelost. ${thanks}`;
        case 'teruggevonden':
          return `Het gezochte is teruggevonden. ${thanks}`;
        case 'niet-gevonden':
          return `De zoekactie is beëindigd zonder resultaat. ${thanks}`;
        case 'niet-aangehouden':
          return `De verdachte is (nog) niet aangehouden. De actie is beëindigd. ${thanks}`;
        case 'geen-resultaat':
          return `De actie is beëindigd. ${thanks}`;
      }
    },
    withdrawn: 'Dit bericht is ingetrokken. U hoeft niet meer uit te kijken. Excuses voor het ongemak.',
  },
  voice: {
    alert: ({ message, description }) =>
      `Dit is Burgernet, met een bericht van de politie. ${message}${description ? ` ${description}` : ''}`,
    emergency: ({ message, instructions }) =>
      `Dit is Burgernet, met een noodbericht van de politie. ${message} ${instructions}`,
    update: ({ text }) => `Dit is Burgernet, met een vervolgbericht. ${text}`,
    closing: ({ text }) => `Dit is Burgernet. De actie is afgesloten. ${text}`,
    callBack: 'Heeft u iets gezien? Bel gratis 0800-0011.',
    repeatHint: 'Druk op 1 om het bericht nog eens te horen.',
  },
  push: {
    title: ({ kind, type }) => {
      switch (kind) {
        case 'alert':
          return type === 'noodsituatie'
            ? 'Burgernet: noodsituatie'
            : `Burgernet: ${nl.actionTypes[type].toLowerCase()}`;
        case 'update':
          return 'Burgernet: nieuw bericht';
        case 'closing':
          return 'Burgernet: actie afgesloten';
        case 'withdrawn':
          return 'Burgernet: bericht ingetrokken';
      }
    },
  },
  page: pageChromeNl,
  selfService: selfServiceNl,
  app: appNl,
  plein: pleinNl,
  mail: mailNl,
  dashboard: dashboardNl,
  cli: cliNl,
  problemDetails: problemDetailsNl,
  problems: {
    'photo.not-an-image': 'Dit bestand is geen foto',
    'photo.too-many-pixels': 'De foto heeft te veel pixels',
    'photo.too-large': 'De foto is te groot',
    'photo.not-found': 'Geen foto gevonden',
    'upload.not-multipart': 'Stuur het formulier als multipart/form-data',
    'upload.malformed': 'Het formulier kon niet worden gelezen',
    'tip.action-not-active': 'Deze actie loopt niet meer',
    'tip.invalid-phone-number': 'Dit telefoonnummer klopt niet',
    'tip.not-found': 'Tip niet gevonden',
    'tip.no-callback-number': 'Bij deze tip is geen terugbelnummer gegeven',
    'meldkamer.not-found': 'Meldkamer niet gevonden',
    'meldkamer.invalid-phone-number': 'Dit is geen geldig telefoonnummer voor een meldkamer',
    'place.not-found': 'Geen adres, plaats of postcode gevonden',
    'place.search-unavailable': 'De zoekdienst voor adressen en plaatsen is tijdelijk niet bereikbaar',
    'request.rate-limited': 'Te veel verzoeken; probeer het zo opnieuw',
    'request.rate-limit-unavailable': 'Dit kan nu even niet; probeer het zo opnieuw',
    'request.too-many-streams': 'U heeft te veel live verbindingen open',
    'action.not-found': 'Burgernetactie niet gevonden',
    'action.wrong-status': 'Dat kan niet in de huidige status van de actie',
    'action.invalid-area': 'Het gebied is ongeldig',
    'action.instructions-required': 'Een noodsituatie heeft instructies nodig',
    'action.missing-child-needs-vermissing': 'Een vermist kind kan alleen bij een vermissing',
    'action.stale-version': 'De actie is intussen door iemand anders gewijzigd',
    'action.unfilled-template-field': 'De tekst bevat nog een in te vullen veld',
    'action.widening-must-contain': 'Verruimen moet het huidige gebied bevatten',
    'action.result-not-for-type': 'Dit resultaat past niet bij het soort actie',
    'participant.not-found': 'Deelnemer niet gevonden',
    'participant.address-not-found': 'Adres niet gevonden',
    'participant.geocoder-unavailable': 'De adreszoekdienst is tijdelijk niet bereikbaar',
    'participant.invalid-phone-number': 'Ongeldig telefoonnummer',
    'participant.sms-needs-mobile': 'Voor sms is een mobiel nummer nodig',
    'participant.out-of-scope': 'Deze deelnemer valt buiten uw gemeente of regio',
    'participant.duplicate-registration': 'Dit nummer is al op dit adres aangemeld',
    'relatiebeheer.import-unreadable': 'Het importbestand kan niet worden gelezen',
    'relatiebeheer.import-busy': 'Er lopen al te veel imports',
    'relatiebeheer.import-too-large': 'Het importbestand is te groot',
    'dashboard.unknown-gemeente': 'Onbekende gemeente',
    'dashboard.out-of-scope': 'Deze gemeente valt buiten uw gemeente of regio',
    'dashboard.invalid-period': 'De periode klopt niet',
    'campaign.not-found': 'Wervingscampagne niet gevonden',
    'auth.unauthenticated': 'Niet ingelogd of ongeldige toegangssleutel',
    'auth.token-expired': 'De toegangssleutel is verlopen',
    'staff.invalid-token-lifetime': 'Ongeldige geldigheidsduur voor een toegangssleutel',
    'auth.forbidden': 'U heeft geen rechten voor deze handeling',
    'auth.csrf': 'Het formulier is verlopen of kwam niet van deze site',
    'auth.invalid-credentials': 'E-mailadres of wachtwoord klopt niet',
    'auth.throttled': 'Te veel mislukte inlogpogingen; probeer het later opnieuw',
    'auth.invalid-code': 'De code klopt niet of is al gebruikt',
    'auth.passkey-invalid': 'De passkey kon niet worden gecontroleerd',
    'auth.session-invalid': 'De inlogsessie is verlopen of ongeldig',
    'auth.activation-invalid': 'De activeringslink werkt niet (meer)',
    'auth.no-second-factor': 'Dit account heeft nog geen tweede stap (code of passkey)',
    'auth.reauthentication-required': 'Bevestig eerst dat u het bent',
    'auth.weak-password': 'Dit wachtwoord voldoet niet aan de regels',
    'auth.sso-refused': 'Bij deze inlog van uw organisatie hoort geen bruikbaar account',
    'auth.sso-failed': 'Inloggen via uw organisatie is niet gelukt',
    'staff.not-found': 'Medewerker niet gevonden',
    'staff.email-taken': 'Er is al een account met dit e-mailadres',
    'staff.invalid-scope': 'Deze rol hoort bij een meldkamer of gemeente die ontbreekt of niet bestaat',
    'action.approval-required': 'Voor dit type actie is eerst de goedkeuring van een tweede centralist nodig',
    'action.approval-by-self': 'Een tweede centralist moet goedkeuren, niet degene die de actie opstelde',
    'action.size-approval-required':
      'Het gebied of het aantal ontvangers is boven de grens: eerst moet een tweede centralist goedkeuren',
    'action.region-approval-required':
      'Het gebied reikt tot ver in de regio van een andere meldkamer: die moet de actie eerst goedkeuren',
    'action.area-change-needs-approval': 'Zo verruimen of verplaatsen kan niet zonder goedkeuring',
    'request.invalid': 'De aanvraag bevat ongeldige gegevens',
    'request.not-found': 'Deze pagina of dit adres bestaat niet',
    'request.too-large': 'De aanvraag is te groot',
    'request.unsupported-media-type': 'Alleen JSON wordt geaccepteerd',
    'server.internal': 'Er ging iets mis aan onze kant',
    'server.unavailable': 'De dienst is tijdelijk niet beschikbaar',
    'server.database-unavailable': 'De database is tijdelijk niet bereikbaar',
    'push.endpoint-not-allowed': 'Deze pushdienst wordt niet ondersteund',
    'push.unknown-device': 'Onbekend toestel of ongeldige toestelsleutel',
    'mail.not-found': 'Burgernetmail niet gevonden',
    'mail.template-not-found': 'Sjabloon niet gevonden',
    'mail.outside-scope': 'Dit valt buiten uw gemeente of regio',
    'mail.wrong-status': 'Dat kan niet in de huidige status van de mail',
    'mail.invalid-template': 'Het sjabloon is ongeldig',
    'mail.invalid-fields': 'Niet alle velden van de mail zijn goed ingevuld',
    'mail.invalid-audience': 'De ontvangers zijn niet goed gekozen',
    'mail.empty-audience': 'Deze mail heeft geen ontvangers',
    'mail.invalid-schedule': 'Het verzendmoment ligt in het verleden of te ver vooruit',
    'mail.invalid-reply-to': 'Dit antwoordadres is geen geldig e-mailadres',
    'mail.stale-version': 'De mail is intussen door iemand anders gewijzigd',
  },
};
