import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from '../html/page-layout.js';
import { phoneRuleFooter } from '../html/phone-rule.js';
import { sitePage } from '../site/site-page.js';

/** The API's paths: whatever a client asks for, they answer with RFC 9457 problem documents. */
const API_PATH = /^\/(?:api|app\/v1)(?:\/|$)/;
const JSON_TYPES = new Set(['application/json', 'application/problem+json']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Whether the request is a browser's (its Accept header puts HTML at least as high as JSON) for a page rather
 * than the API. `*\/*` alone (fetch, curl) counts for neither, so a script or API client keeps the JSON.
 */
export function wantsHtml(request: FastifyRequest): boolean {
  if (API_PATH.test(request.url)) return false;
  let htmlWeight = 0;
  let jsonWeight = 0;
  for (const range of (request.headers.accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim());
    const q = parameters.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2)) || 0;
    if (HTML_TYPES.has(type)) htmlWeight = Math.max(htmlWeight, weight);
    else if (JSON_TYPES.has(type) || type.endsWith('+json')) jsonWeight = Math.max(jsonWeight, weight);
  }
  return htmlWeight > 0 && htmlWeight >= jsonWeight;
}

/** A short code a person can read out (in the log beside the error): 8 hexadecimal characters. */
export function newErrorReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

interface ShownProblem {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly reference: string | null;
}

function shownProblem(payload: string, status: number): ShownProblem | null {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    // Not a problem document after all: leave it as it is.
    return null;
  }
  if (typeof body !== 'object' || body === null || !('title' in body) || typeof body.title !== 'string') return null;
  return {
    status,
    title: body.title,
    detail: 'detail' in body && typeof body.detail === 'string' ? body.detail : null,
    reference: 'reference' in body && typeof body.reference === 'string' ? body.reference : null,
  };
}

/** The page: the problem's Dutch title, what the person can do, the reference of a server error, and a way back. */
export function errorPage(catalogue: Catalogue, path: string, problem: ShownProblem): string {
  const texts = catalogue.selfService;
  const t = texts.errorPage;
  const part = path.startsWith('/plein') ? 'portal' : /^\/(?:app|acties)(?:\/|$)/.test(path) ? 'app' : 'site';
  const back = {
    portal: { href: '/plein', label: t.portal },
    app: { href: '/app/', label: t.app },
    site: { href: '/', label: t.home },
  }[part];
  const main: SafeHtml = html`<h1>${problem.title}</h1>
${problem.detail === null ? null : html`<p>${problem.detail}</p>`}
${problem.status === 404 ? html`<p>${t.notFound}</p>` : null}
${problem.status >= 500 ? html`<p>${t.serverError}</p>` : null}
${problem.reference === null ? null : html`<p class="error-reference">${t.reference(problem.reference)}</p>`}
<p><a href="${back.href}">${back.label}</a></p>`;
  if (part === 'site') return sitePage(catalogue, { title: problem.title, current: null, main });
  return renderPage({
    chrome: catalogue.page,
    title: problem.title,
    section: part,
    main,
    footer: part === 'app' ? phoneRuleFooter(catalogue.app.phoneRule) : null,
  });
}

/**
 * Browsers get every problem as a Dutch page: an unknown address, a refused or failed page request. The problem
 * document stays the answer for the API and for scripts; this only changes how it is shown. A server error's page
 * carries a reference that is in the log (the error handler's, or one logged here).
 */
export function installErrorPages(
  app: FastifyInstance,
  catalogue: Catalogue,
  pageHeaders: (reply: FastifyReply) => void,
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return payload;
    if (!wantsHtml(request)) return payload;
    const problem = shownProblem(payload, reply.statusCode);
    if (problem === null) return payload;
    let reference = problem.reference;
    if (reference === null && problem.status >= 500) {
      reference = newErrorReference();
      request.log.warn({ reference, status: problem.status }, 'error page shown');
    }
    reply.type('text/html; charset=utf-8');
    pageHeaders(reply);
    return errorPage(catalogue, request.url.split('?')[0] ?? '/', { ...problem, reference });
  });
}
