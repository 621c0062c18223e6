import type { FastifyReply, FastifyRequest } from 'fastify';
import { may } from '../../../domain/staff/permissions.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { Staff } from '../../../domain/staff/staff.js';
import { csrfField } from '../html/form-fields.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import { renderPage, type NavLink } from '../html/page-layout.js';

export interface PortalPageOptions {
  readonly title: string;
  readonly main: SafeHtml;
  /** The nav href to mark as the current page. */
  readonly current?: string;
  readonly styles?: readonly string[];
  readonly scripts?: readonly string[];
  readonly notice?: SafeHtml | null;
  /** Pages such as the console use the whole width and height. */
  readonly bodyClass?: string;
  /** Extra elements for <head> (a meta refresh). */
  readonly head?: SafeHtml;
}

/** The portal's menu for a role: only what the role may open. */
export function portalNav(staff: Staff | null, t: Catalogue): { href: string; label: string }[] {
  const nav = t.plein.nav;
  if (staff === null) return [{ href: '/plein/inloggen', label: nav.login }];
  const links: { href: string; label: string }[] = [];
  if (may(staff, 'actions.run')) links.push({ href: '/plein/console', label: nav.console });
  if (may(staff, 'actions.view')) links.push({ href: '/plein/acties', label: nav.actions });
  if (may(staff, 'gemeente.view') && staff.scope.kind === 'gemeente')
    links.push({ href: '/plein/gemeente', label: nav.gemeente });
  if (may(staff, 'dashboard.view')) links.push({ href: '/plein/dashboard', label: t.dashboard.navLabel });
  if (may(staff, 'participants.manage')) links.push({ href: '/plein/relatiebeheer', label: nav.relatiebeheer });
  if (may(staff, 'mail.send')) links.push({ href: '/plein/burgernetmail', label: nav.burgernetmail });
  if (may(staff, 'staff.manage') || may(staff, 'settings.manage') || may(staff, 'audit.view'))
    links.push({ href: '/plein/beheer', label: nav.beheer });
  links.push({ href: '/plein/account', label: nav.account });
  return links;
}

/** Warns before the session ends and keeps typed text when it does (src/web/plein/session/session-expiry.ts). */
const SESSION_SCRIPT = '/static/plein/session.js';

/**
 * The dialog session.js opens some minutes before the session would end (and once it has): an alertdialog whose
 * first button keeps the user logged in. The texts with {time} come as a JSON block.
 */
function sessionDialog(staff: Staff, t: Catalogue): SafeHtml {
  const s = t.plein.sessionScript;
  return html`<dialog id="sessie" class="session-dialog" role="alertdialog" aria-modal="true" aria-labelledby="sessie-kop" aria-describedby="sessie-tekst" data-staff="${staff.id}">
<h2 id="sessie-kop">${s.warningHeading}</h2>
<p id="sessie-tekst"></p>
<p class="error-message" id="sessie-fout" role="alert" hidden></p>
<p class="session-buttons"><button type="button" id="sessie-blijf">${s.stay}</button><button type="button" id="sessie-sluit" class="secondary" hidden>${s.close}</button><a class="button" id="sessie-inloggen" href="/plein/inloggen?verlopen=1" hidden>${s.logIn}</a></p>
</dialog>
${jsonBlock('texts-session', s)}`;
}

/**
 * A portal page: the shared shell (its texts from the request's catalogue, see loadPortalSession) with the menu for the user's role, who is logged in, a logout button
 * (a form with the CSRF token) and the CSRF token for scripts in <meta name="csrf-token">.
 */
export function renderPortalPage(request: FastifyRequest, reply: FastifyReply, options: PortalPageOptions): string {
  const staff = request.staff;
  const t = request.catalogue;
  const csrf = reply.generateCsrf();
  const nav: NavLink[] = portalNav(staff, t).map((l) => ({ ...l, current: l.href === options.current }));
  const who =
    staff === null
      ? null
      : html`<div class="portal-user"><span>${staff.name} (${t.plein.roles[staff.role]}${
          staff.scope.kind === 'landelijk'
            ? ''
            : `, ${staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : staff.scope.gemeenteCode}`
        })</span><form method="post" action="/plein/uitloggen">${csrfField(csrf)}<button type="submit" class="secondary small">${t.plein.nav.logout}</button></form></div>`;
  return renderPage({
    chrome: t.page,
    title: options.title,
    section: 'portal',
    nav,
    main: html`${who}${options.main}${staff === null ? null : sessionDialog(staff, t)}`,
    styles: ['/static/plein/plein.css', ...(options.styles ?? [])],
    scripts: [...(options.scripts ?? []), ...(staff === null ? [] : [SESSION_SCRIPT])],
    head: html`<meta name="csrf-token" content="${csrf}">${options.head ?? null}`,
    notice: options.notice ?? null,
  });
}
