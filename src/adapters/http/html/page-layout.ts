import { html, type SafeHtml } from './html.js';

export interface NavLink {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

export interface PageOptions {
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
  return `<!doctype html>${
    html`
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} — Burgernet</title>
<link rel="icon" href="/static/app/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
${options.head ?? null}
</head>
<body class="section-${options.section}">
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
<a class="brand" href="${options.section === 'portal' ? '/plein' : options.section === 'app' ? '/app' : '/'}">Burgernet</a>
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
<footer class="site-footer">${options.footer ?? null}<p>Burgernet is een samenwerking van politie, gemeenten en rijksoverheid.</p></footer>
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.value
  }`;
}
