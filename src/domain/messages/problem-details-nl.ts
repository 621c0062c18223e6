import type { ActionStatus } from '../action/action-status.js';
import type { ProblemDetails } from './problem-details.js';

const STATUS: Record<ActionStatus, string> = {
  concept: 'concept',
  actief: 'actief',
  afgesloten: 'afgesloten',
  ingetrokken: 'ingetrokken',
};

export const problemDetailsNl: ProblemDetails = {
  actionWrongStatus: ({ status, allowed }) =>
    `De actie is ${STATUS[status]}; dit kan alleen als de actie ${allowed.map((s) => STATUS[s]).join(' of ')} is.`,
  areaProblems: {
    'radius-out-of-range': 'De straal moet tussen 100 meter en 50 kilometer liggen.',
    'outside-service-region': 'Het gebied ligt niet in of bij Nederland.',
    'polygon-too-small': 'Een polygoon heeft minstens drie verschillende punten nodig.',
    'polygon-too-large': 'De polygoon is te groot of heeft te veel punten.',
  },
  actionStaleVersion: ({ currentVersion }) =>
    `Haal de actie opnieuw op (huidige versie ${currentVersion}) en probeer het nog eens.`,
  actionUnfilledTemplateFields: ({ fields }) =>
    `Vul eerst in wat tussen blokhaken staat: ${fields.join(', ')}. Een tekst met blokhaken gaat niet uit.`,
  actionWideningMustContain:
    'Verruimen houdt het huidige gebied helemaal in (een grotere cirkel om hetzelfde punt, of een gebied eromheen). Wilt u de actie naar een andere plek verplaatsen, dan is dat een aparte stap.',
  actionResultNotForType: ({ type, allowed }) =>
    `Bij een ${type.replaceAll('-', ' ')} past als resultaat: ${allowed.map((r) => r.replaceAll('-', ' ')).join(', ')}.`,
  tryAgainLater: 'Probeer het over enkele minuten opnieuw.',
  placeNotFound:
    'Zoek op straat en huisnummer met plaats (Oudegracht 150 Utrecht), op een plaatsnaam of op een postcode (3511 of 3511 AZ 150).',
  notAnImage: 'Kies een foto (JPEG, PNG, WebP, HEIC of GIF). Het bestand is niet bewaard.',
  tooManyPixels: ({ megapixels }) =>
    `Een foto mag hoogstens ${megapixels} megapixel zijn. Maak de foto kleiner en probeer het opnieuw. Het bestand is niet bewaard.`,
  photoTooLarge: ({ megabytes }) =>
    `Een foto mag hoogstens ${megabytes} MB zijn. Kies een kleinere foto. Het bestand is niet bewaard.`,
  tipActionNotActive: 'Deze actie loopt niet meer. Heeft u toch iets belangrijks gezien? Bel de politie.',
  tipInvalidPhone: 'Vul een Nederlands telefoonnummer in, zoals 06 12345678, of laat het veld leeg.',
  checkMarkedFields: 'Controleer de gemarkeerde velden.',
  unreadableRequest: 'De aanvraag kon niet worden gelezen.',
  uploadFieldTooLong: 'Een van de velden is te lang.',
  textNulCharacter: 'Het teken U+0000 is niet toegestaan.',
  textLoneSurrogate:
    'De tekst bevat een ongeldig teken: de helft van een UTF-16-tekenpaar (bijvoorbeeld een afgebroken emoji).',
  uploadUnexpectedField: 'Het formulier heeft een onbekend veld, of meer dan één bestand.',
  invalidToken: 'Stuur een geldige toegangssleutel mee: Authorization: Bearer <sleutel>.',
  noSessionOrToken: 'Log in op Burgernetplein of stuur een toegangssleutel mee: Authorization: Bearer <sleutel>.',
  roleRefused: 'Uw rol mag dit onderdeel van de API niet gebruiken.',
  mailWrongStatus: ({ status }) => `De mail is ${status}.`,
  mailUnknownField: ({ field }) => `Het veld {${field}} bestaat niet.`,
  mailNotAPostcode: ({ value }) => `"${value}" is geen postcode.`,
  rateLimited: ({ seconds }) => `Probeer het over ${seconds} seconden opnieuw.`,
  unknownDevice: 'Stuur de toestelsleutel van deze aanmelding mee: Authorization: Device <sleutel>.',
  csvExpected: 'Stuur het bestand als text/csv.',
  tooManyStreams: ({ limit }) =>
    `U volgt al ${limit} live overzichten (voortgang, tips, oproepen), bijvoorbeeld in andere tabbladen. Sluit er een en probeer het opnieuw.`,
};
