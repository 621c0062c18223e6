/**
 * The numbers Burgernet gives citizens, written once: the site, the app and the public action page take them (and
 * the rule of which is for what) from here, so that no page names a number without saying what it is for.
 */
export const PHONE_NUMBERS = {
  /** Free; put through to the meldkamer of the action that messaged the caller (docs/features/call-routing-0800.md). */
  tips: '0800-0011',
  emergency: '112',
  /** The police's national number, for everything without urgency. */
  police: '0900-8844',
} as const;

/** Which number is for what, in the order a citizen should think of them: danger first. */
export const phoneRuleNl = {
  heading: 'Welk nummer belt u?',
  rules: [
    { number: PHONE_NUMBERS.emergency, text: 'Bij spoed: er is nu gevaar, of iemand heeft nu hulp nodig.' },
    {
      number: `${PHONE_NUMBERS.tips} (gratis)`,
      text: 'U heeft iets gezien bij een Burgernetactie. Kreeg u over die actie een sms of gesproken bericht, dan komt u direct bij de meldkamer van die actie.',
    },
    { number: PHONE_NUMBERS.police, text: 'De politie zonder spoed, voor al het andere.' },
    {
      number: 'Nummer van een meldkamer',
      text: 'Alleen als een actie het noemt: de knop "Bel politie" bij een actie belt de meldkamer die de actie leidt. U betaalt dan uw gewone belkosten.',
    },
  ],
  /** The same rule in one line, for the footer of the public site and the app. */
  short: `Spoed: bel ${PHONE_NUMBERS.emergency}. Iets gezien bij een Burgernetactie: bel gratis ${PHONE_NUMBERS.tips}. Politie zonder spoed: ${PHONE_NUMBERS.police}.`,
};

export type PhoneRuleTexts = typeof phoneRuleNl;
