import type { ActionStatus } from '../action/action-status.js';
import type { SizeExcess } from '../action/action-limits.js';
import type { ProblemDetails } from './problem-details.js';

const number = (n: number) => n.toLocaleString('nl-NL');
const dateTimeNl = (at: Date) =>
  at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
const km = (metres: number) => (metres / 1000).toLocaleString('nl-NL');
const meldkamerList = (codes: readonly string[]) =>
  `${codes.length === 1 ? 'meldkamer' : 'de meldkamers'} ${codes.length > 1 ? `${codes.slice(0, -1).join(', ')} en ${codes.at(-1)}` : codes[0]}`;
/** Only the figure above its cap is named, with the cap. */
const sizeFigures = (size: SizeExcess, recipientsWhat: string) =>
  [
    size.areaKm2 > size.maxAreaKm2
      ? `het gebied is ${number(size.areaKm2)} km² (grens ${number(size.maxAreaKm2)} km²)`
      : null,
    size.recipients > size.maxRecipients
      ? `${recipientsWhat} ${number(size.recipients)} deelnemers (grens ${number(size.maxRecipients)})`
      : null,
  ]
    .filter((s) => s !== null)
    .join(' en ');

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
    'polygon-repeated-point': 'Een punt van de polygoon staat twee keer achter elkaar. Haal het dubbele punt weg.',
    'polygon-self-intersecting':
      'De randen van de polygoon kruisen of raken elkaar (zoals bij een strikje). Zet de hoekpunten in volgorde langs de rand.',
    'polygon-hole-outside':
      'Een gat in de polygoon moet binnen de buitenrand liggen, zonder die te kruisen of te raken.',
  },
  actionStaleVersion: ({ currentVersion }) =>
    `Haal de actie opnieuw op (huidige versie ${currentVersion}) en probeer het nog eens.`,
  actionUnfilledTemplateFields: ({ fields }) =>
    `Vul eerst in wat tussen blokhaken staat: ${fields.join(', ')}. Een tekst met blokhaken gaat niet uit.`,
  actionWideningMustContain:
    'Verruimen houdt het huidige gebied helemaal in (een grotere cirkel om hetzelfde punt, of een gebied eromheen). Wilt u de actie naar een andere plek verplaatsen, dan is dat een aparte stap.',
  actionResultNotForType: ({ type, allowed }) =>
    `Bij een ${type.replaceAll('-', ' ')} past als resultaat: ${allowed.map((r) => r.replaceAll('-', ' ')).join(', ')}.`,
  actionSizeApprovalRequired: ({ size, meldkamers }) =>
    `Boven de grens: ${sizeFigures(size, 'het bereikt')}. Een tweede centralist van uw meldkamer moet de actie eerst goedkeuren (Acties → de actie → Goedkeuren); start daarna opnieuw.${meldkamers.length > 0 ? ` Ook ${meldkamerList(meldkamers)} moet goedkeuren: het gebied reikt tot ver in hun regio. Het verzoek staat in hun console.` : ''}`,
  actionRegionApprovalRequired: ({ meldkamers, marginMetres }) =>
    `Het gebied reikt meer dan ${km(marginMetres)} km buiten de regio van uw meldkamer, tot in de regio van ${meldkamerList(meldkamers)}. Een centralist van ${meldkamers.length === 1 ? 'die meldkamer' : 'elk van die meldkamers'} moet de actie eerst goedkeuren; het verzoek staat in hun console. Start daarna opnieuw, of maak het gebied kleiner.`,
  actionAreaChangeNeedsApproval: ({ meldkamers, marginMetres, size }) => {
    const why = [
      meldkamers.length > 0
        ? `Het nieuwe gebied reikt meer dan ${km(marginMetres)} km buiten de regio van uw meldkamer, tot in de regio van ${meldkamerList(meldkamers)}, die deze actie niet goedkeurde.`
        : null,
      size === null ? null : `Boven de grens: ${sizeFigures(size, 'samen met wie al bereikt is gaat het naar')}.`,
    ];
    return `${why.filter((s) => s !== null).join(' ')} Daarvoor is goedkeuring nodig, en een lopende actie kan die voor een ander gebied niet krijgen. Maak het gebied kleiner, of start voor het extra gebied een nieuwe actie; die vraagt de goedkeuring.`;
  },
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
  apiTokenExpired: ({ expiredAt }) =>
    `Deze toegangssleutel is verlopen op ${dateTimeNl(expiredAt)}. Vraag beheer om een nieuwe (burgernet staff create).`,
  apiTokenLifetime: ({ maxDays }) => `Een toegangssleutel is 1 tot ${maxDays} dagen geldig.`,
  noSessionOrToken: 'Log in op Burgernetplein of stuur een toegangssleutel mee: Authorization: Bearer <sleutel>.',
  roleRefused: 'Uw rol mag dit onderdeel van de API niet gebruiken.',
  mailWrongStatus: ({ status }) => `De mail is ${status}.`,
  mailUnknownField: ({ field }) => `Het veld {${field}} bestaat niet.`,
  mailNotAPostcode: ({ value }) => `"${value}" is geen postcode.`,
  rateLimited: ({ seconds }) => `Probeer het over ${seconds} seconden opnieuw.`,
  unknownDevice: 'Stuur de toestelsleutel van deze aanmelding mee: Authorization: Device <sleutel>.',
  csvExpected: 'Stuur het bestand als text/csv.',
  importBusy: ({ scope, limit }) =>
    scope === 'account'
      ? `Er ${limit === 1 ? 'loopt al een import' : `lopen al ${limit} imports`} van u. Wacht tot ${limit === 1 ? 'die klaar is' : 'er een klaar is'} en probeer het dan opnieuw; er is niets opgeslagen.`
      : `Er lopen nu ${limit} imports tegelijk, het hoogste aantal. Probeer het over een minuut opnieuw; er is niets opgeslagen.`,
  importTooManyRows: ({ max }) =>
    `Een importbestand mag hoogstens ${number(max)} regels hebben. Splits het bestand en importeer de delen na elkaar; er is niets opgeslagen.`,
  importTooManyBytes: ({ megabytes }) =>
    `Een importbestand mag hoogstens ${number(megabytes)} MB zijn. Splits het bestand en importeer de delen na elkaar; er is niets opgeslagen.`,
  tooManyStreams: ({ limit }) =>
    `U volgt al ${limit} live overzichten (voortgang, tips, oproepen), bijvoorbeeld in andere tabbladen. Sluit er een en probeer het opnieuw.`,
};
