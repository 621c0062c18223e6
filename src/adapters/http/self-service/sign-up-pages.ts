import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  prepareSignUp,
  requestSignUpCode,
  confirmSignUp,
  type SignUpInput,
} from '../../../app/self-service/sign-up.js';
import type { ContactChannel } from '../../../domain/participant/registration.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from './self-service-http-deps.js';
import { sendHtml, sitePage, SITE_PATHS } from '../site/site-page.js';
import { codeForm } from '../forms/code-form.js';
import { codeCheckMessage, refusalMessage } from '../forms/code-messages.js';
import {
  bodyOf,
  field,
  queryValue,
  readAddress,
  readEmail,
  readPhone,
  type FieldErrors,
  type FormBody,
} from '../forms/form-values.js';
import { addressLine } from '../forms/participant-fields.js';
import { setMySession } from './my-session-cookie.js';
import { confirmAddress, signUpForm, SIGN_UP_FIELDS, type SignUpValues } from './sign-up-views.js';
import { clientKey } from '../server/client-key.js';

const EMPTY: SignUpValues = {
  naam: '',
  postcode: '',
  huisnummer: '',
  toevoeging: '',
  kanaal: 'sms',
  telefoon: '',
  email: '',
  akkoord: '',
};

/**
 * Sign-up: the form, the address shown back ("klopt dit?"), a code to the phone, and only when the code is
 * entered is anything stored. Every step is a POST with the CSRF token; personal data never travel in a URL.
 */
export function signUpPages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const ss = self.selfService;
  const gemeenteName = (code: string) => deps.referenceData.gemeenten.find((g) => g.code === code)?.name ?? code;
  const page = (reply: FastifyReply, title: string, main: ReturnType<typeof html>, status = 200) =>
    sendHtml(reply, sitePage(deps.catalogue, { title, current: 'signUp', main }), status);

  function readValues(body: FormBody | undefined): SignUpValues {
    return Object.fromEntries(
      SIGN_UP_FIELDS.map((name) => [name, field(body, name, name === 'naam' ? 250 : 300)]),
    ) as unknown as SignUpValues;
  }

  /** Server-side validation of every field, with Dutch messages next to each. */
  function validate(values: SignUpValues): { errors: FieldErrors; input: SignUpInput | null } {
    const errors: FieldErrors = {};
    const body = values as unknown as FormBody;
    if (values.naam === '' || values.naam.length > 200) errors.naam = texts.errors.name;
    const address = readAddress(body, texts, errors);
    const channel: ContactChannel | null = values.kanaal === 'sms' || values.kanaal === 'voice' ? values.kanaal : null;
    if (channel === null) errors.kanaal = texts.errors.channel;
    const phone = readPhone(values.telefoon, self.phoneCountries);
    if (phone === null) errors.telefoon = texts.errors.phone;
    const email = values.email === '' ? null : readEmail(values.email);
    if (values.email !== '' && email === null) errors.email = texts.errors.email;
    if (values.akkoord !== 'ja') errors.akkoord = texts.errors.consent;
    if (Object.keys(errors).length > 0 || address === null || channel === null || phone === null)
      return { errors, input: null };
    return { errors, input: { name: values.naam, email, phone, channel, address, timeWindows: [] } };
  }

  function placementError(
    kind: 'address-not-found' | 'geocoder-unavailable' | 'channel-needs-other-number',
  ): FieldErrors {
    switch (kind) {
      case 'address-not-found':
        return { postcode: texts.errors.addressNotFound };
      case 'geocoder-unavailable':
        return { postcode: texts.errors.geocoderUnavailable };
      case 'channel-needs-other-number':
        return { telefoon: texts.errors.smsNeedsMobile };
    }
  }

  const form = (reply: FastifyReply, values: SignUpValues, errors: FieldErrors) =>
    page(
      reply,
      texts.signUp.title,
      signUpForm(texts, values, errors, reply.generateCsrf()),
      Object.keys(errors).length > 0 ? 422 : 200,
    );

  return async (app) => {
    app.get(SITE_PATHS.signUp, async (_request, reply) => form(reply, EMPTY, {}));

    app.post(SITE_PATHS.signUp, { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      const values = readValues(bodyOf(request));
      if (queryValue(request, 'wijzigen') !== undefined) return form(reply, values, {});
      const { errors, input } = validate(values);
      if (input === null) return form(reply, values, errors);
      const prepared = await prepareSignUp(ss, input);
      if (prepared.kind !== 'ready') return form(reply, values, placementError(prepared.kind));
      return page(
        reply,
        texts.signUp.confirmTitle,
        confirmAddress(
          texts,
          values,
          addressLine(prepared.payload),
          gemeenteName(prepared.payload.gemeenteCode),
          reply.generateCsrf(),
        ),
      );
    });

    app.post('/aanmelden/code', { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      const values = readValues(bodyOf(request));
      const { errors, input } = validate(values);
      if (input === null) return form(reply, values, errors);
      const result = await requestSignUpCode(ss, input, clientKey(request.ip));
      switch (result.kind) {
        case 'address-not-found':
        case 'geocoder-unavailable':
        case 'channel-needs-other-number':
          return form(reply, values, placementError(result.kind));
        case 'limited':
          return page(
            reply,
            texts.signUp.title,
            signUpForm(texts, values, { telefoon: refusalMessage(texts, result) }, reply.generateCsrf()),
            429,
          );
        case 'not-allowed':
          return form(reply, values, { telefoon: refusalMessage(texts, result) });
        case 'ready':
          throw new Error('a prepared sign-up asks for a code');
        case 'sent':
          return page(
            reply,
            texts.signUp.codeTitle,
            codeForm(texts, {
              title: texts.signUp.codeTitle,
              sent: result.channel === 'voice' ? texts.signUp.codeSentVoice : texts.signUp.codeSentSms,
              minutes: ss.limits.codeValidityMinutes,
              action: '/aanmelden/bevestigen',
              verificationId: result.verificationId,
              error: null,
              csrf: reply.generateCsrf(),
              carry: { ...values },
              newCodeAction: '/aanmelden/code',
            }),
          );
      }
    });

    app.post('/aanmelden/bevestigen', { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      const values = readValues(bodyOf(request));
      const verificationId = field(bodyOf(request), 'verificatie', 40);
      const code = field(bodyOf(request), 'code', 20);
      const wellFormed = /^[0-9a-f-]{36}$/.test(verificationId);
      const result = wellFormed
        ? await confirmSignUp(ss, verificationId, code)
        : ({ kind: 'code', check: { kind: 'expired' } } as const);
      if (result.kind === 'code') {
        return page(
          reply,
          texts.signUp.codeTitle,
          codeForm(texts, {
            title: texts.signUp.codeTitle,
            sent: texts.signUp.codeSentSms,
            minutes: ss.limits.codeValidityMinutes,
            action: '/aanmelden/bevestigen',
            verificationId: wellFormed ? verificationId : '',
            error: code === '' ? texts.errors.code : codeCheckMessage(texts, result.check),
            csrf: reply.generateCsrf(),
            carry: { ...values },
            newCodeAction: '/aanmelden/code',
          }),
          422,
        );
      }
      setMySession(reply, deps.plein.cookieSecure, result.sessionToken, ss.sessionMinutes);
      const t = texts.signUp;
      return page(
        reply,
        t.doneTitle,
        html`<h1>${t.doneTitle}</h1><div class="notice" role="status"><p>${t.doneText}</p></div>
${result.joinedExisting ? html`<p>${t.doneJoined}</p>` : null}
${values.email !== '' && !result.joinedExisting ? html`<p>${t.doneEmail}</p>` : null}
<p>${t.doneNext}</p>
<p><a class="button" href="${SITE_PATHS.myData}">${texts.nav.myData}</a></p>`,
      );
    });
  };
}
