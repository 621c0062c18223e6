import type { FastifyReply } from 'fastify';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
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
  texts: SelfServiceTexts,
  options: {
    readonly title: string;
    readonly main: SafeHtml;
    readonly current: SiteSection | null;
    readonly notice?: SafeHtml | null;
  },
): string {
  const sections = Object.keys(SITE_PATHS) as SiteSection[];
  return renderPage({
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

export const notice = (text: string): SafeHtml => html`<div class="notice" role="status"><p>${text}</p></div>`;
export const warning = (text: string): SafeHtml => html`<div class="warning" role="alert"><p>${text}</p></div>`;
