/**
 * The public site's information pages that every footer links to (Contact, Toegankelijkheid, Privacy) and the
 * blocks of the home page. Facts as the product has them: docs/features/participants-and-sign-up.md,
 * docs/features/burgernet-app.md, docs/adr/0003 (no location stored), docs/config.md (the default terms).
 * Part of the Dutch catalogue (`nl.selfService.info`).
 */
import { PHONE_NUMBERS } from './phone-numbers-nl.js';

/** A block of an information page: a heading, paragraphs, and optionally a list. */
export interface InfoSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly items?: readonly string[];
}

const reportProblem = `Bel ${PHONE_NUMBERS.police} (politie, geen spoed) en zeg dat het om Burgernet gaat. Noem de pagina en wat er misging. Kreeg u een foutpagina met een code, noem dan ook die code.`;

export const homePageNl = {
  title: 'Burgernet',
  intro:
    'Burgernet is een samenwerking van politie, gemeenten en inwoners. Bij een vermissing, een inbraak of een overval vraagt de politie mensen in de buurt om uit te kijken.',
  whatHeading: 'Wat is Burgernet?',
  paragraphs: [
    `U krijgt dan een sms, een gesproken bericht op uw vaste telefoon of een melding in de app. Ziet u iets? Bel dan gratis ${PHONE_NUMBERS.tips}.`,
    'Aanmelden is gratis. U kiest zelf op welke adressen en op welke tijden u berichten wilt krijgen.',
  ],
  joinHeading: 'Zo meldt u zich aan',
  joinSteps: [
    'Vul uw naam, uw adres en uw telefoonnummer in.',
    'Kies of u een sms wilt of een gesproken bericht, en op welke dagen en uren.',
    'Vul de code in die u dan krijgt. Daarna krijgt u berichten bij een actie in uw buurt.',
  ],
  cta: 'Meld u aan',
  appHeading: 'De Burgernetapp',
  appText:
    'Met de app ziet u op uw telefoon welke acties er bij u in de buurt zijn, en krijgt u er een melding van. Een account is niet nodig.',
  appOpen: 'Open de app',
  appInstall: 'Zo zet u de app op uw telefoon',
  actionsHeading: 'Nu bezig',
  actionsNone: 'Er lopen op dit moment geen openbare Burgernetacties.',
  actionsAll: 'Alle actuele acties',
};

export const contactPageNl = {
  title: 'Contact',
  intro: 'Welk nummer u belt, hangt af van wat er aan de hand is. Is er nu gevaar? Bel dan altijd 112.',
  sections: [
    {
      heading: 'Uw aanmelding',
      paragraphs: [
        'Uw naam, adressen, telefoonnummer en tijden wijzigt u zelf in Mijn gegevens. Daar zet u uw berichten ook op pauze, of meldt u zich af.',
      ],
    },
    {
      heading: 'Burgernetmail en uw gemeente',
      paragraphs: [
        'Burgernetmail (zoals een buurtonderzoek of preventietips) komt van uw gemeente of de politie. Uw gemeente beheert ook de aanmeldingen met een adres in de gemeente. Heeft u daar een vraag over, neem dan contact op met uw gemeente.',
      ],
    },
    {
      heading: 'Een probleem met de website of de app',
      paragraphs: [`Werkt iets niet, of kunt u iets niet lezen of gebruiken? ${reportProblem}`],
    },
  ] satisfies readonly InfoSection[],
  myData: 'Naar Mijn gegevens',
};

export const accessibilityPageNl = {
  title: 'Toegankelijkheid',
  intro:
    'Iedereen moet Burgernet kunnen gebruiken: met een schermlezer, alleen met het toetsenbord, ingezoomd of op een kleine telefoon.',
  sections: [
    {
      heading: 'Ons doel',
      paragraphs: [
        'De website, de Burgernetapp en Burgernetplein (voor medewerkers van politie en gemeenten) moeten voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA. Dat is de norm voor websites en apps van de overheid.',
      ],
    },
    {
      heading: 'Zo testen wij',
      paragraphs: ['Bij elke wijziging van Burgernet lopen automatische tests in een echte browser:'],
      items: [
        'Een toegankelijkheidscontrole (axe) zoekt op de pagina’s naar problemen met bijvoorbeeld contrast, labels, koppen en knoppen.',
        'Wij bedienen de pagina’s alleen met het toetsenbord: alles is te bereiken, en u ziet steeds waar u bent.',
        'Wij bekijken de pagina’s op een telefoonscherm en ingezoomd: de inhoud past dan zonder dat u opzij hoeft te schuiven.',
      ],
    },
    {
      heading: 'Waar wij op letten',
      paragraphs: [],
      items: [
        'Tekst heeft genoeg contrast met de achtergrond, en de betekenis van iets staat er altijd in woorden bij, nooit alleen in een kleur.',
        'Elk formulierveld heeft een label, en een fout staat bij het veld in gewone taal.',
        'De website werkt ook zonder JavaScript.',
      ],
    },
    {
      heading: 'Een probleem melden',
      paragraphs: [`Kunt u iets op Burgernet niet lezen of niet gebruiken? ${reportProblem}`],
    },
  ] satisfies readonly InfoSection[],
};

export const privacyPageNl = {
  title: 'Privacy',
  intro:
    'Burgernet gebruikt zo weinig mogelijk gegevens, en alleen om u te bereiken als de politie in uw buurt hulp vraagt.',
  sections: [
    {
      heading: 'Wie is verantwoordelijk',
      paragraphs: [
        'Burgernet is een samenwerking van politie, gemeenten en rijksoverheid. De politie is verantwoordelijk voor de gegevens in Burgernet. Uw gemeente beheert de aanmeldingen met een adres in die gemeente en verstuurt Burgernetmail.',
      ],
    },
    {
      heading: 'Wat wij bewaren als u zich aanmeldt',
      paragraphs: [],
      items: [
        'uw naam;',
        'uw adressen (postcode en huisnummer), met de gemeente waarin ze liggen;',
        'uw telefoonnummer, en of u een sms of een gesproken bericht wilt;',
        'de dagen en uren waarop u berichten wilt krijgen, en een pauze als u die instelt;',
        'als u dat opgeeft: uw e-mailadres, dat wij pas gebruiken als u het heeft bevestigd;',
        'welke berichten u kreeg, en of ze zijn afgeleverd.',
      ],
    },
    {
      heading: 'De Burgernetapp',
      paragraphs: [
        'Voor de app heeft u geen account nodig. Uw locatie blijft op uw telefoon: de app haalt voor iedereen dezelfde lijst met acties op, en uw telefoon bepaalt zelf welke in de buurt zijn.',
        'Zet u meldingen aan, dan stuurt de app alleen een grof gebied door (ongeveer 5 vierkante kilometer). Dat houden wij alleen in het geheugen, en vergeten het 30 minuten nadat uw telefoon het laatst stuurde. Uw locatie wordt nooit bewaard.',
        'Een tip of foto die u bij een actie stuurt, bewaren wij bij die actie.',
      ],
    },
    {
      heading: 'Het logboek',
      paragraphs: [
        'Medewerkers van uw gemeente en de politie kunnen uw gegevens inzien als dat voor hun taak nodig is. Elke keer dat iemand gegevens van deelnemers zoekt, inziet of wijzigt, wordt vastgelegd wie dat deed, wanneer en waarom. In het logboek staan geen telefoonnummers of adressen.',
      ],
    },
    {
      heading: 'Hoe lang wij gegevens bewaren',
      paragraphs: [],
      items: [
        'Uw aanmelding bewaren wij tot u zich afmeldt, of tot uw gemeente u afmeldt.',
        'Foto’s en tips bij een actie worden verwijderd nadat de actie is afgelopen: standaard na 30 dagen, of na de termijn die de meldkamer voor die actie koos.',
        'Een telefoon met meldingen aan die 90 dagen niet is gezien, halen wij uit de lijst.',
        'Een code om in te loggen is 10 minuten geldig.',
        'Verwijdert u uw gegevens, dan staat in het logboek alleen dat er iets is verwijderd.',
      ],
    },
    {
      heading: 'Uw rechten',
      paragraphs: [
        'In Mijn gegevens ziet u alles wat wij van u hebben. Daar kunt u het wijzigen, downloaden en verwijderen. Verwijderen is echt: uw gegevens zijn daarna weg. Berichten die al verstuurd zijn, tellen mee in de cijfers van een actie, maar zonder uw telefoonnummer.',
        'Heeft u een klacht over hoe wij met uw gegevens omgaan? Dan kunt u terecht bij de Autoriteit Persoonsgegevens.',
      ],
    },
    {
      heading: 'Geen tracking',
      paragraphs: [
        'In Burgernetmail zitten geen volgpixels en geen gevolgde links. De website en de app gebruiken alleen de cookies die nodig zijn om formulieren veilig te versturen en om ingelogd te blijven.',
      ],
    },
  ] satisfies readonly InfoSection[],
  myData: 'Naar Mijn gegevens',
};
