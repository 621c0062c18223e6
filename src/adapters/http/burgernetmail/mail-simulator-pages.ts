import type { FastifyPluginAsync } from 'fastify';
import { simpleParser } from 'mailparser';
import { z } from 'zod';
import { may } from '../../../domain/staff/permissions.js';
import { STAFF_ROLES } from '../../../domain/staff/staff.js';
import { html } from '../html/html.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { renderPortalPage } from '../plein/portal-page.js';
import { requireStaffPage, requireStaffRole } from '../plein/staff-page-guard.js';

const BASE = '/plein/burgernetmail/simulator';
const SHOWN = 50;

/**
 * The demo's view of the SMTP simulator: the last messages it received, and each one as it arrived (headers, the
 * text part, its links to follow). Registered only in demo mode with the simulator as relay.
 */
export function mailSimulatorPages(mail: MailHttpDeps, title: string): FastifyPluginAsync {
  const simulator = mail.simulator!;
  const guard = [requireStaffPage, requireStaffRole(...STAFF_ROLES.filter((role) => may({ role }, 'mail.send')))];
  const headerOf = (raw: string, name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
  return async (app) => {
    app.get(BASE, { preHandler: guard }, async (request, reply) => {
      const messages = simulator.messages.slice(-SHOWN).reverse();
      const subjects = await Promise.all(
        messages.map(
          async (m) =>
            (
              await simpleParser(
                headerOf(m.raw, 'Subject') === '' ? m.raw : `Subject: ${headerOf(m.raw, 'Subject')}\r\n\r\n`,
              )
            ).subject ?? '',
        ),
      );
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title,
          current: '/plein/burgernetmail',
          main: html`<h1>${title}</h1><p>${simulator.received.toLocaleString('nl-NL')} berichten ontvangen op poort ${simulator.port}; de laatste ${messages.length} staan hieronder.</p>
<table class="compact"><thead><tr><th scope="col">Ontvangen</th><th scope="col">Aan</th><th scope="col">Onderwerp</th><th scope="col">Return-Path</th></tr></thead><tbody>
${messages.map((m, i) => html`<tr><td>${m.receivedAt.toISOString()}</td><td>${m.to.join(', ')}</td><td><a href="${BASE}/${m.id}">${subjects[i] || '(geen onderwerp)'}</a></td><td>${m.from}</td></tr>`)}
</tbody></table>`,
        }),
      );
    });

    app.get(
      `${BASE}/:id`,
      { preHandler: guard, schema: { params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        const message = simulator.messages.find((m) => m.id === (request.params as { id: string }).id);
        if (message === undefined)
          return reply
            .code(404)
            .type('text/html; charset=utf-8')
            .send(
              renderPortalPage(request, reply, {
                title,
                main: html`<h1>${title}</h1><p>Dit bericht is niet (meer) bewaard.</p>`,
              }),
            );
        const parsed = await simpleParser(message.raw);
        const links = [...new Set((parsed.text ?? '').match(/https?:\/\/[^\s<>"]+/g) ?? [])];
        const shown = [
          'From',
          'To',
          'Reply-To',
          'Subject',
          'Date',
          'List-Unsubscribe',
          'List-Unsubscribe-Post',
          'DKIM-Signature',
        ];
        return reply.type('text/html; charset=utf-8').send(
          renderPortalPage(request, reply, {
            title,
            current: '/plein/burgernetmail',
            styles: ['/static/burgernetmail/mail.css'],
            main: html`<h1>${parsed.subject ?? title}</h1>
<dl class="mail-headers"><dt>Return-Path (envelop)</dt><dd>${message.from}</dd>${shown.map((name) => html`<dt>${name}</dt><dd>${headerOf(message.raw, name)}</dd>`)}</dl>
<h2>Links</h2><ul>${links.map((l) => html`<li><a href="${l}">${l}</a></li>`)}</ul>
<h2>Tekstversie</h2><pre class="mail-text">${parsed.text ?? ''}</pre>
<p><a href="${BASE}">${title}</a></p>`,
          }),
        );
      },
    );
  };
}
