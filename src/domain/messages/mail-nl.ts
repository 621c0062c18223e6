import type { FieldProblem } from '../mail/mail-fields.js';
import type { MailField, MailKind } from '../mail/mail-kind.js';
import type { MailStatus, RecipientStatus } from '../mail/mail-status.js';

/**
 * Burgernetmail: what participants read in the mails, the answer form and the unsubscribe page, and what staff
 * read in the portal's Burgernetmail section. Part of the Dutch catalogue (`nl.mail`).
 */
export const mailNl = {
  kinds: {
    buurtonderzoek: 'Buurtonderzoek',
    'verdachte-situatie': 'Verdachte of onveilige situatie',
    preventietips: 'Preventietips',
    uitnodiging: 'Uitnodiging',
    nieuwsbrief: 'Nieuwsbrief',
  } satisfies Record<MailKind, string>,
  fields: {
    datum: { label: 'Datum', hint: 'De dag waarop het gebeurde of plaatsvindt.' },
    tijd: { label: 'Tijd', hint: 'Bijvoorbeeld 21:30.' },
    straat: { label: 'Straat of buurt', hint: 'Zo precies als nodig, zonder huisnummer van slachtoffers.' },
    plaats: { label: 'Plaats', hint: 'Waar de bijeenkomst is: adres en zaal.' },
    omschrijving: {
      label: 'Omschrijving',
      hint: 'Gewone tekst. Een lege regel begint een nieuwe alinea; regels die met "- " beginnen worden een lijst.',
    },
    contact: { label: 'Contact', hint: 'Hoe lezers u bereiken, bijvoorbeeld "wijkagent Jansen, 0900-8844".' },
  } satisfies Record<MailField, { label: string; hint: string }>,
  fieldProblems: {
    required: 'Vul dit veld in.',
    'too-long': 'Deze tekst is te lang.',
    'invalid-date': 'Geef een geldige datum.',
    'invalid-time': 'Geef een tijd als 21:30.',
    'control-characters': 'Deze tekst bevat tekens die niet in een e-mail kunnen.',
    'not-for-kind': 'Dit veld hoort niet bij dit soort mail.',
  } satisfies Record<FieldProblem, string>,
  statuses: {
    draft: 'concept',
    scheduled: 'gepland',
    queuing: 'wordt klaargezet',
    sending: 'wordt verstuurd',
    sent: 'verstuurd',
    stopped: 'gestopt',
  } satisfies Record<MailStatus, string>,
  recipientStatuses: {
    queued: 'in de wachtrij',
    sending: 'bezig',
    sent: 'verstuurd',
    delivered: 'afgeleverd',
    bounced: 'onbestelbaar',
    failed: 'mislukt',
    skipped: 'overgeslagen',
    cancelled: 'niet verstuurd (gestopt)',
  } satisfies Record<RecipientStatus, string>,

  /** The national templates: the defaults every gemeente and meldkamer starts from. */
  nationalTemplates: {
    buurtonderzoek: {
      name: 'Buurtonderzoek (landelijk)',
      subject: 'Buurtonderzoek: heeft u iets gezien of gehoord? ({straat})',
      body:
        'Op {datum} rond {tijd} is er iets gebeurd in de {straat}.\n\n{omschrijving}\n\n' +
        'Heeft u iets gezien of gehoord dat ons kan helpen? Ook kleine dingen kunnen belangrijk zijn: een onbekende auto, ' +
        'iemand die ergens rondliep, geluiden, of beelden van een deurbelcamera.\n\nContact: {contact}',
    },
    'verdachte-situatie': {
      name: 'Verdachte of onveilige situatie (landelijk)',
      subject: 'Let op: verdachte situatie in de {straat}',
      body:
        'Wij willen u wijzen op een verdachte of onveilige situatie in de {straat}.\n\nDatum: {datum}\nTijd: {tijd}\n\n{omschrijving}\n\n' +
        'Ziet u iets verdachts? Bel dan direct 112. Heeft u informatie? Bel 0900-8844.\n\nContact: {contact}',
    },
    preventietips: {
      name: 'Preventietips (landelijk)',
      subject: 'Tips om inbraak te voorkomen',
      body:
        'Met een paar eenvoudige maatregelen maakt u het inbrekers een stuk moeilijker.\n\n' +
        '- Doe ramen en deuren op slot, ook als u maar even weg bent.\n' +
        '- Laat geen sleutels in het slot of onder de mat liggen.\n' +
        '- Laat het huis bewoond lijken als u op vakantie bent: vraag de buren de post weg te halen.\n' +
        '- Zet geen berichten over uw vakantie op sociale media.\n\n{omschrijving}\n\nContact: {contact}',
    },
    uitnodiging: {
      name: 'Uitnodiging (landelijk)',
      subject: 'Uitnodiging: bijeenkomst over veiligheid in de buurt op {datum}',
      body:
        'Graag nodigen wij u uit voor een bijeenkomst over veiligheid in de buurt.\n\nDatum: {datum}\nTijd: {tijd}\nPlaats: {plaats}\n\n' +
        '{omschrijving}\n\nContact: {contact}',
    },
    nieuwsbrief: {
      name: 'Nieuwsbrief (landelijk)',
      subject: 'Nieuwsbrief Burgernet',
      body: '{omschrijving}\n\nContact: {contact}',
    },
  } satisfies Record<MailKind, { name: string; subject: string; body: string }>,

  /** The parts of every mail around its text. */
  mail: {
    from: ({ senderName }: { senderName: string }) => `Bericht van ${senderName}`,
    answerTitle: 'Heeft u iets gezien of gehoord?',
    answerText: ({ days }: { days: number }) =>
      `Laat het ons weten via het formulier achter deze persoonlijke link. De link werkt ${days} dagen. U hoeft niet in te loggen.`,
    answerButton: 'Ik heb iets gezien',
    emergency: 'Is er nu iets aan de hand? Bel 112. Voor tips zonder spoed: 0900-8844.',
    why: 'U krijgt deze e-mail omdat u zich met dit e-mailadres heeft aangemeld voor Burgernet en het adres heeft bevestigd.',
    unsubscribe: 'Geen Burgernetmail meer ontvangen? Meld u af:',
    privacy: 'Deze e-mail bevat geen afbeeldingen, volgpixels of gevolgde links.',
    reply: 'U kunt op deze e-mail antwoorden.',
  },

  /** The answer form behind a buurtonderzoek's personal link. */
  answer: {
    title: 'Ik heb iets gezien',
    intro: 'Vertel ons wat u heeft gezien of gehoord. Alles wat u invult gaat alleen naar de afzender van de e-mail.',
    text: 'Wat heeft u gezien of gehoord?',
    seenWhen: 'Wanneer was dat?',
    seenWhenHint: 'Bijvoorbeeld "dinsdagavond rond 22 uur".',
    seenWhere: 'Waar was dat?',
    seenWhereHint: 'Een straat, een hoek, een herkenningspunt.',
    photo: 'Foto',
    photoHint:
      'Een foto of een beeld van een deurbelcamera (JPEG, PNG of WebP). Wij halen locatie- en cameragegevens uit de foto.',
    contactLegend: 'Mogen wij contact met u opnemen?',
    contactHint: 'Niet verplicht. Laat leeg als u liever anoniem blijft.',
    contactName: 'Naam',
    contactPhone: 'Telefoonnummer',
    contactEmail: 'E-mailadres',
    submit: 'Versturen',
    thanksTitle: 'Bedankt',
    thanks: 'Uw antwoord is ontvangen. Hartelijk dank voor uw hulp.',
    invalidLink:
      'Deze link werkt niet (meer). Een antwoordlink is persoonlijk en werkt maar een beperkte tijd. Heeft u iets belangrijks gezien? Bel 0900-8844, of 112 bij spoed.',
    tooMany: 'Via deze link zijn al genoeg antwoorden gestuurd. Heeft u nog iets belangrijks? Bel 0900-8844.',
    unavailable:
      'Uw antwoord kan nu even niet worden aangenomen. Probeer het over een halve minuut opnieuw. Heeft u iets belangrijks gezien? Bel 0900-8844, of 112 bij spoed.',
    errors: {
      text: 'Beschrijf wat u heeft gezien of gehoord (hoogstens 4.000 tekens).',
      tooLong: 'Deze tekst is te lang.',
      phone: 'Dit telefoonnummer klopt niet.',
      email: 'Dit e-mailadres klopt niet.',
      photo: 'Dit bestand is geen foto die wij kunnen lezen.',
      photoTooLarge: 'De foto is te groot.',
      form: 'Het formulier kon niet worden gelezen. Probeer het opnieuw.',
    },
  },

  /** The one-click unsubscribe behind List-Unsubscribe. */
  unsubscribe: {
    title: 'Afmelden voor Burgernetmail',
    text: 'Wilt u geen Burgernetmail meer ontvangen? Uw e-mailadres wordt dan verwijderd. Sms-berichten en gesproken berichten van Burgernetacties blijven komen.',
    button: 'Afmelden',
    done: 'U bent afgemeld. U krijgt geen Burgernetmail meer op dit adres.',
    invalidLink: 'Deze afmeldlink werkt niet. Afmelden kan ook via Mijn gegevens.',
  },

  /** The portal's Burgernetmail section (gemeente and police staff). */
  portal: {
    title: 'Burgernetmail',
    intro:
      'Mail deelnemers met een bevestigd e-mailadres in uw gemeente (politie: uw regio): buurtonderzoek, waarschuwingen, tips, uitnodigingen en nieuwsbrieven.',
    mails: 'Mails',
    noMails: 'Nog geen mails.',
    write: 'Nieuwe mail',
    writeFrom: 'Kies een sjabloon',
    templates: 'Sjablonen',
    templatesIntro:
      'De landelijke sjablonen zijn voor iedereen. Uw organisatie kan eigen sjablonen maken. Sjablonen zijn gewone tekst met velden als {datum}, {tijd}, {straat}, {plaats}, {omschrijving} en {contact}.',
    simulator: 'Verstuurde e-mail (simulator)',
    columns: {
      number: 'Nummer',
      kind: 'Soort',
      subject: 'Onderwerp',
      status: 'Status',
      created: 'Gemaakt',
      sent: 'Verstuurd',
      delivered: 'Afgeleverd',
      bounced: 'Onbestelbaar',
      unsubscribed: 'Afgemeld',
      answered: 'Antwoorden',
    },
    compose: {
      title: 'Mail schrijven',
      changeTitle: 'Concept wijzigen',
      subject: 'Onderwerp',
      body: 'Tekst',
      bodyHint:
        'Gewone tekst. Velden tussen accolades worden ingevuld, zoals {straat}. Een lege regel begint een alinea; regels met "- " worden een lijst. HTML wordt als tekst getoond.',
      fieldsLegend: 'Gegevens',
      audienceLegend: 'Ontvangers',
      audienceHint:
        'Kies wie de mail krijgt. Alleen deelnemers met een bevestigd e-mailadres, in uw gemeente (politie: uw regio).',
      audienceKinds: {
        gemeente: 'De hele gemeente',
        postcodes: 'Postcodes',
        adres: 'Een straal rond een adres',
        gebied: 'Een gebied op de kaart',
      },
      gemeente: 'Gemeente',
      chooseGemeente: 'Kies een gemeente',
      postcodes: 'Postcodes',
      postcodesHint: "PC4 of PC6, reeksen met een streepje, gescheiden door komma's: 3511-3514, 3581 AB",
      areaPostcode: 'Postcode van het adres',
      areaHouseNumber: 'Huisnummer',
      areaRadius: 'Straal in meters',
      areaHint:
        'Klik op de kaart voor het midden van een cirkel, of teken een polygoon. Zonder kaart: kies een straal rond een adres.',
      addressHint: 'Wij zoeken het adres op; de straal loopt vanaf dat adres.',
      map: 'Kaart: klik om het midden van het gebied te kiezen',
      shape: 'Vorm',
      circle: 'Cirkel',
      polygon: 'Polygoon (klik de hoeken, dubbelklik om te sluiten)',
      count: 'Aantal ontvangers',
      countNone: 'Kies ontvangers om ze te tellen.',
      /** The audience in words: on the compose page, the mail page and in the confirm step. */
      summary: {
        gemeente: (name: string) => `De hele gemeente ${name}`,
        postcodes: (ranges: string) => `Postcodes ${ranges}`,
        address: ({ place, radius }: { place: string; radius: string }) => `${place}, straal ${radius} m`,
        circle: (radius: string) => `Een cirkel op de kaart, straal ${radius} m`,
        polygon: (corners: number) => `Een getekend gebied op de kaart (${corners} hoeken)`,
        place: ({
          street,
          houseNumber,
          postcode,
          city,
        }: {
          street: string | null;
          houseNumber: number;
          postcode: string;
          city: string;
        }) => (street === null ? `${postcode} ${houseNumber}, ${city}` : `${street} ${houseNumber}, ${city}`),
      },
      /** What the compose page's script (compose.js) writes; {n} is the number of recipients it fills in. */
      script: {
        countOne: '{n} deelnemer krijgt deze mail.',
        countOther: '{n} deelnemers krijgen deze mail.',
        countFailed: 'Tellen lukte niet.',
        mapAttribution: 'Gemeentegrenzen © CBS / PDOK',
      },
      answerDays: 'Antwoordlink geldig (dagen)',
      save: 'Opslaan en bekijken',
      errors: {
        subject: 'Geef een onderwerp van één regel (hoogstens 150 tekens).',
        body: 'De tekst is leeg, te lang of gebruikt een veld dat niet bestaat.',
        audience: 'Kies de ontvangers.',
        gemeente: 'Kies een gemeente binnen uw gemeente of regio.',
        postcodes: 'Geef postcodes als 3511, 3511 AB of 3511-3514 (hoogstens 50 reeksen).',
        area: 'Teken een gebied op de kaart, of kies een straal rond een adres.',
        addressFields: 'Geef een postcode (1012 AB), een huisnummer en een straal van 100 m tot 50 km.',
        address: 'Dit adres is niet gevonden.',
        outsideScope: 'Deze ontvangers vallen buiten uw gemeente of regio.',
        answerDays: 'Kies 1 tot 90 dagen.',
        template: 'Dit sjabloon bestaat niet (meer).',
        stale: 'Iemand anders heeft de mail intussen gewijzigd. Open hem opnieuw.',
      },
    },
    mail: {
      audience: 'Ontvangers',
      recipientsNow: (n: number) =>
        `Nu ${n.toLocaleString('nl-NL')} ${n === 1 ? 'deelnemer' : 'deelnemers'} met een bevestigd e-mailadres.`,
      preview: 'Voorbeeld',
      previewText: 'Tekstversie',
      from: 'Van',
      replyTo: 'Antwoorden naar',
      send: 'Versturen',
      sendNow: 'Nu versturen',
      sendLater: 'Op een gekozen moment',
      sendAt: 'Datum en tijd',
      sendAtHint: 'Nederlandse tijd, binnen 90 dagen.',
      chooseWhen: 'Kies of de mail nu of op een gekozen moment verstuurd wordt.',
      momentMissing: 'Kies een datum en een tijd.',
      momentPast: 'Dit moment is al voorbij. Kies een moment dat nog komt.',
      /** The confirm step before sending: a dialog, or a page without JavaScript. */
      confirm: {
        heading: 'Mail versturen?',
        recipients: ({ n, subject }: { n: number; subject: string }) =>
          `${n.toLocaleString('nl-NL')} ${n === 1 ? 'deelnemer krijgt' : 'deelnemers krijgen'} de mail "${subject}".`,
        audience: (summary: string) => `Ontvangers: ${summary}.`,
        now: 'Verzending: direct na bevestigen.',
        /** {moment}: the chosen date and time, filled in by the page's script too. */
        later: 'Verzending: {moment} (Nederlandse tijd).',
        yes: 'Ja, versturen',
        no: 'Annuleren',
      },
      sendConfirm: 'Versturen',
      stop: 'Verzending stoppen',
      change: 'Wijzigen',
      figures: 'Cijfers',
      answers: 'Antwoorden bekijken',
      scheduledFor: (at: string) => `Gepland voor ${at}.`,
      sentNotice: 'De mail staat klaar om te versturen.',
      stoppedNotice: 'De verzending is gestopt.',
      savedNotice: 'Het concept is opgeslagen. Controleer het voorbeeld en verstuur de mail.',
      invalidSchedule: 'Kies een moment in de komende 90 dagen.',
      emptyAudience: 'Niemand in deze ontvangers heeft een bevestigd e-mailadres.',
      incomplete: 'Vul eerst alle verplichte gegevens in.',
    },
    answers: {
      title: 'Antwoorden',
      none: 'Nog geen antwoorden.',
      export: 'Exporteren als CSV',
      auditNote: 'Elke inzage en export wordt vastgelegd in het auditlogboek.',
      when: 'Wanneer',
      where: 'Waar',
      contact: 'Contact',
      photo: 'Foto',
    },
    sender: {
      title: 'Afzender van uw organisatie',
      name: 'Afzendernaam',
      nameHint:
        'Staat in het Van-veld, bijvoorbeeld "Gemeente Utrecht, team Veiligheid". Leeg: de naam van uw organisatie.',
      replyTo: 'Antwoordadres (Reply-To)',
      replyToHint: 'Waar antwoorden van lezers heen gaan. Leeg: geen antwoordadres.',
      save: 'Opslaan',
      saved: 'De afzender is opgeslagen.',
      invalid: 'Geef een geldig e-mailadres en een naam van hoogstens 80 tekens.',
      dkim: 'DKIM-sleutel (DNS-record)',
    },
    template: {
      add: 'Nieuw sjabloon',
      kind: 'Soort',
      name: 'Naam',
      edit: 'Wijzigen',
      remove: 'Verwijderen',
      save: 'Opslaan',
      national: 'landelijk',
      own: 'eigen',
      saved: 'Het sjabloon is opgeslagen.',
      removed: 'Het sjabloon is verwijderd.',
      invalid: 'Het sjabloon is leeg, te lang of gebruikt een veld dat niet bestaat.',
    },
  },
} as const;

export type MailStatusLabels = Record<MailStatus, string>;
