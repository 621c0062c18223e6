import type { PageChromeTexts } from '../../../domain/messages/page-chrome-nl.js';
import { html, type SafeHtml } from './html.js';
import { wordmark } from './wordmark.js';

export interface NavLink {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

/** The public site's pages every footer links to (site-pages.ts serves them). */
export const FOOTER_PATHS = {
  contact: '/contact',
  accessibility: '/toegankelijkheid',
  privacy: '/privacy',
} as const;

/** Where the wordmark leads: the home of the part of the product the page belongs to. */
const HOME: Record<PageOptions['section'], string> = { site: '/', app: '/app/', portal: '/plein' };

/**
 * The NL Design System stylesheets (Rijkshuisstijl community: the design tokens as CSS variables, and the
 * components' classes), served from node_modules (build-http-server.ts); site.css maps its own variables onto the
 * tokens and comes after them. See docs/adr/0024-nl-design-system-rijkshuisstijl-community.md.
 */
const DESIGN_SYSTEM_STYLES = ['/static/vendor/rhc-tokens/root.css', '/static/vendor/rhc-components/index.css'];

export interface PageOptions {
  /** The skip link, the wordmark and the footer (the catalogue's `page`). */
  readonly chrome: PageChromeTexts;
  /** The page's own title; " — Burgernet" is added. */
  readonly title: string;
  readonly main: SafeHtml;
  /** Which part of the product the page belongs to: the public site, the app or the staff portal. */
  readonly section: 'site' | 'app' | 'portal';
  readonly nav?: readonly NavLink[];
  /** Extra stylesheets and scripts (paths under /static/), loaded after the base ones. */
  readonly styles?: readonly string[];
  readonly scripts?: readonly string[];
  /** Extra elements for <head> (manifest, theme colour). */
  readonly head?: SafeHtml;
  /** Shown above the main content, e.g. a confirmation after a form. */
  readonly notice?: SafeHtml | null;
  /** Shown in the footer above the line every page has, e.g. which number to call on citizens' pages. */
  readonly footer?: SafeHtml | null;
}

/**
 * The shell of every page: Dutch, a skip link, one <main>, a navigation landmark, and only the site's own
 * stylesheets and scripts (the Content-Security-Policy forbids inline scripts).
 */
export function renderPage(options: PageOptions): string {
  const nav = options.nav ?? [];
  const chrome = options.chrome;
  return `<!doctype html>${
    html`
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} — Burgernet</title>
<link rel="icon" href="/static/app/icon.svg" type="image/svg+xml">
${DESIGN_SYSTEM_STYLES.map((href) => html`<link rel="stylesheet" href="${href}">`)}
<link rel="stylesheet" href="/static/site.css">
${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
${options.head ?? null}
</head>
<body class="section-${options.section}">
<a class="skip-link" href="#inhoud">${chrome.skipLink}</a>
<header class="site-header">
<a class="brand" href="${HOME[options.section]}">${wordmark(chrome.wordmark)}<span class="visually-hidden">, ${chrome.home[options.section]}</span></a>
${
  nav.length > 0
    ? html`<nav aria-label="Hoofdmenu"><ul>${nav.map(
        (link) =>
          html`<li><a href="${link.href}"${link.current ? html` aria-current="page"` : null}>${link.label}</a></li>`,
      )}</ul></nav>`
    : null
}
</header>
<main id="inhoud" tabindex="-1">
${options.notice ?? null}
${options.main}
</main>
<footer class="site-footer">${options.footer ?? null}<nav class="footer-links" aria-label="${chrome.footerNav}"><ul>${(['contact', 'accessibility', 'privacy'] as const).map((key) => html`<li><a href="${FOOTER_PATHS[key]}">${chrome.footerLinks[key]}</a></li>`)}</ul></nav><p>${chrome.partnership}</p></footer>
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.value
  }`;
}
