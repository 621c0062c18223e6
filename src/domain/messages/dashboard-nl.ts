import type { DashboardTexts } from './dashboard-texts.js';

export const dashboardNl: DashboardTexts = {
  title: 'Dashboard',
  navLabel: 'Dashboard',
  intervals: { day: 'per dag', week: 'per week', month: 'per maand' },
  sizeClasses: {
    'tot-20k': 'minder dan 20.000 inwoners',
    '20k-50k': '20.000 tot 50.000 inwoners',
    '50k-100k': '50.000 tot 100.000 inwoners',
    '100k-250k': '100.000 tot 250.000 inwoners',
    'vanaf-250k': '250.000 inwoners of meer',
  },
  areaKinds: { gemeente: 'Gemeente', 'safety-region': 'Veiligheidsregio', 'police-unit': 'Politie-eenheid', national: 'Landelijk' },
  channels: { participants: 'Deelnemers', sms: 'Sms', voice: 'Spraakbericht', email: 'E-mail bevestigd' },
  statuses: { actief: 'actief', afgesloten: 'afgesloten', ingetrokken: 'ingetrokken' },
  notes: {
    suppression: 'Aantallen personen van 1 tot en met 9 tonen we als "< 10": zo kleine aantallen kunnen naar iemand wijzen.',
    totalHidden: 'niet getoond (het totaal zou een klein aantal verraden)',
    participantsCount:
      'Een deelnemer telt mee in elke gemeente waar hij een aanmelding (adres) heeft. Per kanaal: deelnemers met een aanmelding van dat kanaal in de gemeente.',
    appUsers:
      'Appgebruikers kunnen we alleen landelijk tellen: een pushaanmelding bevat geen locatie, en de plek van een telefoon bewaren we niet. Per gemeente is dit dus niet te weten.',
    emailNotYet: 'Burgernetmail bestaat nog niet: verzonden mails en antwoorden op buurtonderzoek zijn nog niet beschikbaar.',
    success: 'Succes: afgesloten met gevonden, aangehouden, opgelost of teruggevonden. Het succespercentage is het deel van de afgesloten acties; ingetrokken acties tellen niet mee.',
    speed: 'Tijd van de start tot het eerste en het laatste alarmbericht dat het netwerk aannam (eerste bereik, zonder verruiming).',
    markers: '▲ markeert de start van een Burgernetactie in de gemeente; een gearceerde band een wervingscampagne.',
    mapTable: 'De kaart toont deelnemers per 1.000 inwoners. Dezelfde cijfers staan in de tabel eronder.',
  },
  periodProblems: {
    order: 'De einddatum ligt vóór de begindatum.',
    'too-long': 'Kies een periode van hoogstens drie jaar.',
  },
};
