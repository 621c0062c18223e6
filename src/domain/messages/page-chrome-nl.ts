/**
 * What every page shows around its content, on the public site, in the app and in Burgernetplein: the skip link,
 * the wordmark that leads home, and the footer with its links. Part of the Dutch catalogue (`nl.page`).
 */
export const pageChromeNl = {
  skipLink: 'Naar de inhoud',
  /** The wordmark's text alternative: it reads "Burgernet". */
  wordmark: 'Burgernet',
  /** Said after the wordmark in the home link, for screen readers only. */
  home: {
    site: 'naar de voorpagina',
    app: 'naar de app',
    portal: 'naar Burgernetplein',
  },
  footerNav: 'Over Burgernet',
  footerLinks: {
    contact: 'Contact',
    accessibility: 'Toegankelijkheid',
    privacy: 'Privacy',
  },
  partnership: 'Burgernet is een samenwerking van politie, gemeenten en rijksoverheid.',
};

export type PageChromeTexts = typeof pageChromeNl;
