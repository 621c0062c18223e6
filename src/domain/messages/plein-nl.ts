import type { PleinTexts } from './plein-texts.js';

export const pleinNl: PleinTexts = {
  login: {
    invalidCredentials: 'Het e-mailadres of het wachtwoord klopt niet.',
    throttled: ({ minutes, reason }) =>
      reason === 'account-locked'
        ? `Te vaak een verkeerd wachtwoord of een verkeerde code voor dit account. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
        : `Te veel mislukte pogingen vanaf dit adres. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    noSecondFactor: 'Voor dit account is nog geen tweede stap ingesteld. Vraag het beheer van uw organisatie om een nieuwe activeringslink.',
    invalidCode: 'Deze code klopt niet of is al gebruikt. Typ de code die uw authenticator-app nu toont.',
    passkeyInvalid: 'Inloggen met de passkey lukte niet. Probeer het opnieuw of gebruik de code uit uw authenticator-app.',
    sessionInvalid: 'Uw inlogpoging is verlopen. Begin opnieuw.',
    loggedOut: 'U bent uitgelogd.',
    sessionEnded: 'Uw sessie is verlopen. Log opnieuw in.',
  },
  password: {
    'too-short': 'Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.',
    'too-long': 'Een wachtwoord mag hoogstens 128 tekens lang zijn.',
    common: 'Dit wachtwoord (of het woord erin) komt voor in lijsten van veelgebruikte en gelekte wachtwoorden. Kies een ander.',
    context: 'Gebruik uw naam of e-mailadres niet in uw wachtwoord.',
    repetitive: 'Dit wachtwoord bestaat uit te weinig verschillende tekens.',
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
  },
  activation: {
    invalid: 'Deze activeringslink werkt niet (meer). Vraag het beheer van uw organisatie om een nieuwe.',
  },
  loginPage: {
    title: 'Inloggen',
    heading: 'Inloggen op Burgernetplein',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Verder',
    afterPassword: 'Daarna vragen we een code uit uw authenticator-app of uw passkey.',
    ssoHeading: 'Inloggen via uw organisatie',
    ssoIntro: 'Werkt u bij een organisatie met een eigen inlog voor Burgernetplein? Log dan daar in.',
    ssoButton: (organisation) => `Inloggen via ${organisation}`,
  },
  secondStepPage: {
    title: 'Tweede stap',
    passkeyHeading: 'Met uw passkey',
    passkeyText: 'Gebruik de passkey op deze computer of uw beveiligingssleutel.',
    passkeyButton: 'Inloggen met passkey',
    codeHeading: 'Met een code',
    codeLabel: 'Code uit uw authenticator-app',
    codeHint: 'Zes cijfers',
    codeSubmit: 'Inloggen',
    restart: 'Opnieuw beginnen',
  },
  sso: {
    refused: ({ organisation, reason }) =>
      reason === 'role-not-granted'
        ? `U bent ingelogd bij ${organisation}, maar uw organisatie geeft u (nog) niet de rol van uw Burgernetplein-account. Vraag het beheer van uw organisatie om die rol.`
        : `U bent ingelogd bij ${organisation}, maar daar hoort geen Burgernetplein-account bij dat u zo mag gebruiken. Vraag het beheer van uw organisatie om een account met het e-mailadres van uw inlog.`,
    failed: ({ organisation, reason }) =>
      reason === 'refused-by-provider'
        ? `Inloggen via ${organisation} is afgebroken of geweigerd.`
        : reason === 'provider-unreachable'
          ? `${organisation} is nu niet bereikbaar. Probeer het zo opnieuw of log in met wachtwoord.`
          : `Inloggen via ${organisation} is niet gelukt (het antwoord klopte niet of was verlopen). Probeer het opnieuw.`,
    unknownProvider: 'Deze organisatie kent Burgernetplein niet.',
    continueTitle: 'Verder naar Burgernetplein',
    continueText: 'U bent ingelogd. Een ogenblik, u gaat verder.',
    continueLink: 'Verder',
  },
  activationPage: {
    title: 'Account activeren',
    intro: 'Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden. Wachtwoorden die in lijsten van gelekte wachtwoorden staan, worden geweigerd.',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal het wachtwoord',
    submit: 'Verder',
    invalidTitle: 'Link werkt niet',
    invalidHeading: 'Deze link werkt niet',
  },
  enrolmentPage: {
    title: 'Tweede stap instellen',
    intro: 'Bij elke keer inloggen vragen we na uw wachtwoord een tweede bewijs: een passkey of een code uit een authenticator-app.',
    passkeyHeading: 'Passkey (aanbevolen)',
    passkeyText: 'Gebruik de vingerafdruk, gezichtsherkenning of pincode van deze computer, of een beveiligingssleutel.',
    passkeyButton: 'Passkey aanmaken',
    appHeading: 'Authenticator-app',
    appStepAdd: 'Open uw authenticator-app en kies "account toevoegen".',
    appStepScan: 'Scan deze QR-code met de app.',
    qrAlt: 'QR-code om Burgernetplein aan uw authenticator-app toe te voegen',
    appStepAlternative: 'Lukt scannen niet? Open op uw telefoon',
    appLink: 'deze koppeling',
    appStepTyped: 'of typ de sleutel over:',
    appStepCode: 'Typ hieronder de code van zes cijfers die de app toont.',
    codeLabel: 'Code uit de app',
    submit: 'Bevestigen',
  },
  history: {
    title: 'Acties',
    text: 'Nummer of tekst',
    type: 'Type',
    allTypes: 'Alle',
    place: 'Plaats',
    placeHint: 'Gemeente (naam of code): acties met hun middelpunt daarin',
    from: 'Van',
    to: 'Tot en met',
    search: 'Zoeken',
    count: (n) => `${n} ${n === 1 ? 'actie' : 'acties'}`,
    noAccess: 'Geen toegang tot deze acties.',
    unknownPlace: (place) => `Geen gemeente gevonden met de naam of code "${place}". Gebruik de hele naam of de gemeentecode (GM....).`,
    caption: 'Gevonden acties',
    columns: { number: 'Nummer', type: 'Type', status: 'Status', meldkamer: 'Meldkamer', created: 'Aangemaakt', message: 'Bericht' },
  },
  templates: {
    vermissing: 'Vermist: [naam] ([leeftijd]), [lengte], [haar], [kleding]. Laatst gezien [waar, wanneer].',
    diefstal: 'Gestolen: [wat], [kenmerken]. Richting [vluchtrichting].',
    inbraak: 'Inbraak [waar]. Verdachte: [signalement], gevlucht richting [richting].',
    overval: 'Overval [waar]. Verdachte(n): [signalement], gevlucht [hoe, richting]. Benader niet zelf.',
    beroving: 'Beroving [waar]. Verdachte: [signalement], gevlucht richting [richting].',
    'doorrijden-na-aanrijding': 'Doorgereden na aanrijding: [merk, type, kleur], kenteken [kenteken], schade [waar].',
    'verdachte-situatie': 'Verdachte situatie [waar]: [wat]. Let op [signalement].',
    noodsituatie: 'Noodsituatie [waar]: [wat er aan de hand is].',
  },
};
