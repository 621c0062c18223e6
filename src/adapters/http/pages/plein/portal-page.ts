import type { FastifyReply, FastifyRequest } from 'fastify';
import { may } from '../../../../domain/staff/permissions.js';
import type { Staff } from '../../../../domain/staff/staff.js';
import { csrfField } from '../../html/form-fields.js';
import { html, type SafeHtml } from '../../html/html.js';
import { renderPage, type NavLink } from '../../html/page-layout.js';

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

const ROLE_NL: Record<Staff['role'], string> = {
  centralist: 'centralist',
  'meldkamer-beheer': 'meldkamerbeheer',
  gemeente: 'gemeente',
  'gemeente-beheer': 'gemeentebeheer',
  'landelijk-beheer': 'landelijk beheer',
};

export function roleLabel(role: Staff['role']): string {
  return ROLE_NL[role];
}

/** The portal's menu for a role: only what the role may open. */
export function portalNav(staff: Staff | null): { href: string; label: string }[] {
  if (staff === null) return [{ href: '/plein/inloggen', label: 'Inloggen' }];
  const links: { href: string; label: string }[] = [];
  if (may(staff, 'actions.run')) links.push({ href: '/plein/console', label: 'Console' });
  if (may(staff, 'actions.view')) links.push({ href: '/plein/acties', label: 'Acties' });
  if (may(staff, 'gemeente.view') && staff.scope.kind === 'gemeente') links.push({ href: '/plein/gemeente', label: 'Gemeente' });
  if (may(staff, 'dashboard.view')) links.push({ href: '/plein/dashboard', label: 'Dashboard' });
  if (may(staff, 'participants.manage')) links.push({ href: '/plein/relatiebeheer', label: 'Relatiebeheer' });
  if (may(staff, 'mail.send')) links.push({ href: '/plein/burgernetmail', label: 'Burgernetmail' });
  if (may(staff, 'staff.manage') || may(staff, 'settings.manage') || may(staff, 'audit.view')) links.push({ href: '/plein/beheer', label: 'Beheer' });
  links.push({ href: '/plein/account', label: 'Mijn account' });
  return links;
}

/**
 * A portal page: the shared shell with the menu for the user's role, who is logged in, a logout button
 * (a form with the CSRF token) and the CSRF token for scripts in <meta name="csrf-token">.
 */
export function renderPortalPage(request: FastifyRequest, reply: FastifyReply, options: PortalPageOptions): string {
  const staff = request.staff;
  const csrf = reply.generateCsrf();
  const nav: NavLink[] = portalNav(staff).map((l) => ({ ...l, current: l.href === options.current }));
  const who =
    staff === null
      ? null
      : html`<div class="portal-user"><span>${staff.name} (${roleLabel(staff.role)}${
          staff.scope.kind === 'landelijk' ? '' : `, ${staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : staff.scope.gemeenteCode}`
        })</span><form method="post" action="/plein/uitloggen">${csrfField(csrf)}<button type="submit" class="secondary small">Uitloggen</button></form></div>`;
  return renderPage({
    title: options.title,
    section: 'portal',
    nav,
    main: html`${who}${options.main}`,
    styles: ['/static/plein/plein.css', ...(options.styles ?? [])],
    scripts: options.scripts ?? [],
    head: html`<meta name="csrf-token" content="${csrf}">${options.head ?? null}`,
    notice: options.notice ?? null,
  });
}
