import type { FastifyReply } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from '../html/page-layout.js';
import { phoneRuleFooter } from '../html/phone-rule.js';

export type SiteSection = 'home' | 'howItWorks' | 'app' | 'privacy' | 'actions' | 'signUp' | 'myData';

export const SITE_PATHS: Record<SiteSection, string> = {
  home: '/',
  howItWorks: '/zo-werkt-het',
  app: '/over-de-app',
  privacy: '/privacy',
  actions: '/actuele-acties',
  signUp: '/aanmelden',
  myData: '/mijn-gegevens',
};

/**
 * A page of the public site: its menu (the current page marked), the shared and the self-service stylesheet, and
 * in the footer which number to call for what.
 */
export function sitePage(
  catalogue: Pick<Catalogue, 'selfService' | 'page'>,
  options: {
    readonly title: string;
    readonly main: SafeHtml;
    readonly current: SiteSection | null;
    readonly notice?: SafeHtml | null;
  },
): string {
  const texts = catalogue.selfService;
  const sections = Object.keys(SITE_PATHS) as SiteSection[];
  return renderPage({
    chrome: catalogue.page,
    title: options.title,
    section: 'site',
    main: options.main,
    notice: options.notice ?? null,
    footer: phoneRuleFooter(texts.phoneRule),
    styles: ['/static/site/self-service.css'],
    scripts: ['/static/site/focus-errors.js'],
    nav: sections.map((s) => ({ href: SITE_PATHS[s], label: texts.nav[s], current: s === options.current })),
  });
}

export function sendHtml(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** A confirmation above the page (the design system's alert, kind "ok"). */
export const notice = (text: string): SafeHtml =>
  html`<div class="notice utrecht-alert utrecht-alert--ok" role="status"><div class="utrecht-alert__content"><p class="utrecht-alert__message">${text}</p></div></div>`;
/** Something the user must act on (the design system's alert, kind "warning"). */
export const warning = (text: string): SafeHtml =>
  html`<div class="warning utrecht-alert utrecht-alert--warning" role="alert"><div class="utrecht-alert__content"><p class="utrecht-alert__message">${text}</p></div></div>`;
