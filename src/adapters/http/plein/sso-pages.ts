import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemStatus } from '../server/problem.js';
import { logInWithSso, recordSsoFailure } from '../../../app/staff-auth/log-in-with-sso.js';
import type { AuthError } from '../../../domain/staff/errors.js';
import type { SsoChallenge, SsoProvider } from '../../../app/ports/identity-providers.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { setSessionCookie } from './staff-session-cookie.js';
import { renderLoginPage } from './login-pages.js';
import { renderPortalPage } from './portal-page.js';
import { safeReturnPath } from './staff-page-guard.js';

const providerParams = z.object({ provider: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/) });

/** What the browser brings back from the provider: the flow's secrets, the redirect URI used, where to go after. */
const pendingSso = z.object({
  provider: z.string().max(40),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  redirectUri: z.url().max(2000),
  returnTo: z.string().max(200).nullable(),
});
type PendingSso = z.infer<typeof pendingSso>;

/** Lasts as long as a login at the provider may take. */
const PENDING_SECONDS = 600;

/**
 * The cookie between the redirect to the provider and its callback. SameSite=Lax, not Strict: the callback is a
 * top-level navigation that comes from the provider's site, and a Strict cookie would not be sent with it.
 */
const pendingCookieName = (secure: boolean) => (secure ? '__Host-burgernet_sso' : 'burgernet_sso');

function readPending(request: FastifyRequest, secure: boolean): PendingSso | null {
  const raw = request.cookies[pendingCookieName(secure)];
  if (typeof raw !== 'string' || raw.length > 4000) return null;
  try {
    const parsed = pendingSso.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Single sign-on (OpenID Connect): "Inloggen via <organisatie>" sends the browser to the organisation's identity
 * provider; its answer comes back to /plein/inloggen/sso/<id>/terug and ends in the same kind of session as a
 * password and second factor (see README, *Single sign-on*).
 */
export function ssoPages(deps: HttpDeps): FastifyPluginAsync {
  const plein = deps.plein;
  const t = deps.catalogue.plein.sso;
  const providerOf = (request: FastifyRequest): SsoProvider | null => {
    const params = providerParams.safeParse(request.params);
    return params.success ? (plein.sso.providers.find((p) => p.id === params.data.provider) ?? null) : null;
  };
  const redirectUriOf = (request: FastifyRequest, provider: SsoProvider) =>
    `${plein.ssoRedirectOrigin ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`}/plein/inloggen/sso/${provider.id}/terug`;

  const unknownProvider = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(renderLoginPage(deps, request, reply, { alert: t.unknownProvider }));

  const refused = (request: FastifyRequest, reply: FastifyReply, provider: SsoProvider, error: AuthError) => {
    const alert =
      error.code === 'auth.sso-refused'
        ? t.refused({ organisation: provider.name, reason: error.reason })
        : error.code === 'auth.sso-failed'
          ? t.failed({ organisation: provider.name, reason: error.reason })
          : t.failed({ organisation: provider.name, reason: 'invalid-response' });
    return reply
      .code(problemStatus(error))
      .type('text/html; charset=utf-8')
      .send(renderLoginPage(deps, request, reply, { alert }));
  };

  return async (app) => {
    app.get('/plein/inloggen/sso/:provider', async (request, reply) => {
      const provider = providerOf(request);
      if (provider === null) return unknownProvider(request, reply);
      if (request.staff !== null) return reply.code(303).header('location', '/plein').send();
      const redirectUri = redirectUriOf(request, provider);
      const begun = await plein.sso.beginLogin(provider.id, redirectUri);
      if (begun === null) {
        request.log.warn({ provider: provider.id }, 'identity provider unreachable');
        return refused(
          request,
          reply,
          provider,
          await recordSsoFailure(plein.auth, provider, 'provider-unreachable', 'discovery'),
        );
      }
      const pending: PendingSso = {
        provider: provider.id,
        ...begun.challenge,
        redirectUri,
        returnTo: safeReturnPath(request.cookies.burgernet_return),
      };
      reply.setCookie(
        pendingCookieName(plein.cookieSecure),
        Buffer.from(JSON.stringify(pending)).toString('base64url'),
        {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: plein.cookieSecure,
          maxAge: PENDING_SECONDS,
        },
      );
      return reply.code(303).header('location', begun.url).send();
    });

    app.get('/plein/inloggen/sso/:provider/terug', async (request, reply) => {
      const provider = providerOf(request);
      if (provider === null) return unknownProvider(request, reply);
      const pending = readPending(request, plein.cookieSecure);
      // One attempt per redirect: the secrets go whatever the outcome, so a callback cannot be replayed.
      reply.clearCookie(pendingCookieName(plein.cookieSecure), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: plein.cookieSecure,
      });
      if (pending === null || pending.provider !== provider.id) {
        return refused(
          request,
          reply,
          provider,
          await recordSsoFailure(plein.auth, provider, 'invalid-response', 'no-pending-login'),
        );
      }
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const challenge: SsoChallenge = {
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      };
      const result = await plein.sso.completeLogin(provider.id, pending.redirectUri + query, challenge);
      if (!result.ok) {
        request.log.warn(
          { provider: provider.id, reason: result.reason, detail: result.detail },
          'single sign-on failed',
        );
        return refused(
          request,
          reply,
          provider,
          await recordSsoFailure(plein.auth, provider, result.reason, result.detail),
        );
      }
      const outcome = await logInWithSso(plein.auth, provider, result.idToken);
      if (!outcome.ok) return refused(request, reply, provider, outcome.error);
      setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
      const next = outcome.value.next;
      const back = safeReturnPath(pending.returnTo);
      const target =
        next === 'done'
          ? (back ?? '/plein')
          : next === 'second-factor'
            ? '/plein/inloggen/tweede-stap'
            : '/plein/tweede-factor';
      if (next === 'done' && back !== null) reply.clearCookie('burgernet_return', { path: '/plein' });
      // A page that moves on by itself rather than a redirect: after a navigation that came from the provider's
      // site, the browser would not send the SameSite=Strict session cookie along a redirect; it does for a
      // navigation this page starts.
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: t.continueTitle,
          head: html`<meta http-equiv="refresh" content="0; url=${target}">`,
          main: html`<div class="narrow"><h1>${t.continueTitle}</h1><p>${t.continueText}</p><p><a class="button" href="${target}" data-sso-next>${t.continueLink}</a></p></div>`,
        }),
      );
    });
  };
}
