import type { Catalogue } from './catalogue.js';

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
  problems: {
    'action.not-found': 'Burgernetactie niet gevonden',
    'action.wrong-status': 'Dat kan niet in de huidige status van de actie',
    'action.invalid-area': 'Het gebied is ongeldig',
    'action.instructions-required': 'Een noodsituatie heeft instructies nodig',
    'action.missing-child-needs-vermissing': 'Een vermist kind kan alleen bij een vermissing',
    'action.stale-version': 'De actie is intussen door iemand anders gewijzigd',
    'participant.not-found': 'Deelnemer niet gevonden',
    'participant.address-not-found': 'Adres niet gevonden',
    'participant.geocoder-unavailable': 'De adreszoekdienst is tijdelijk niet bereikbaar',
    'participant.invalid-phone-number': 'Ongeldig telefoonnummer',
    'participant.sms-needs-mobile': 'Voor sms is een mobiel nummer nodig',
    'participant.out-of-scope': 'Deze deelnemer valt buiten uw gemeente of regio',
    'participant.duplicate-registration': 'Dit nummer is al op dit adres aangemeld',
    'auth.unauthenticated': 'Niet ingelogd of ongeldige toegangssleutel',
    'auth.forbidden': 'U heeft geen rechten voor deze handeling',
    'request.invalid': 'De aanvraag bevat ongeldige gegevens',
    'request.not-found': 'Deze pagina of dit adres bestaat niet',
    'request.too-large': 'De aanvraag is te groot',
    'request.unsupported-media-type': 'Alleen JSON wordt geaccepteerd',
    'server.internal': 'Er ging iets mis aan onze kant',
    'server.unavailable': 'De dienst is tijdelijk niet beschikbaar',
  },
};
