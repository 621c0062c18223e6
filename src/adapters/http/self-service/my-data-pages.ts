import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addMyAddress,
  changeMyAddress,
  changeMyDetails,
  eraseMyData,
  removeMyAddress,
  setMyPause,
  viewMyData,
  type AddressChange,
  type MyData,
} from '../../../app/self-service/my-data.js';
import { participantOfSession } from '../../../app/self-service/sessions.js';
import type { ContactChannel } from '../../../domain/participant/registration.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from './self-service-http-deps.js';
import {
  bodyOf,
  field,
  fields,
  idParam,
  readAddress,
  readEmail,
  readTimeWindows,
  type FieldErrors,
  type FormBody,
} from '../forms/form-values.js';
import { clearMySession, mySessionToken } from './my-session-cookie.js';
import { addressLine } from '../forms/participant-fields.js';
import { notice, sendHtml, sitePage, SITE_PATHS, warning } from '../site/site-page.js';
import { amsterdamStartOfDay } from './amsterdam-date.js';
import {
  addressEditForm,
  deleteConfirmation,
  EMPTY_ADDRESS,
  overview,
  type AddressFormValues,
  type OverviewOptions,
} from './my-data-views.js';

declare module 'fastify' {
  interface FastifyRequest {
    participantId: string | null;
  }
}

/** "Mijn gegevens": see, change, download and delete everything held about oneself. */
export function myDataPages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const t = texts.myData;
  const ss = self.selfService;
  const gemeenteName = (code: string) => deps.referenceData.gemeenten.find((g) => g.code === code)?.name ?? code;
  const page = (
    reply: FastifyReply,
    title: string,
    main: ReturnType<typeof html>,
    status = 200,
    extra: ReturnType<typeof html> | null = null,
  ) => sendHtml(reply, sitePage(deps.catalogue, { title, current: 'myData', main, notice: extra }), status);

  /** preHandler: without a (live) session, to the login page. */
  async function requireParticipant(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = mySessionToken(request, deps.plein.cookieSecure);
    request.participantId = token === null ? null : await participantOfSession(ss, token);
    if (request.participantId !== null) return;
    if (token !== null) clearMySession(reply, deps.plein.cookieSecure);
    await reply
      .code(303)
      .header('location', token === null ? '/mijn-gegevens/inloggen' : '/mijn-gegevens/inloggen?verlopen=1')
      .send();
  }
  const me = (request: FastifyRequest): string => {
    if (request.participantId === null) throw new Error('page reached without a participant session');
    return request.participantId;
  };

  async function showOverview(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<OverviewOptions> = {},
    message: ReturnType<typeof html> | null = null,
    status = 200,
  ) {
    const data = await viewMyData(ss, me(request));
    if (data === null) {
      clearMySession(reply, deps.plein.cookieSecure);
      return reply.code(303).header('location', '/mijn-gegevens/inloggen').send();
    }
    return page(
      reply,
      t.title,
      overview(texts, {
        data,
        csrf: reply.generateCsrf(),
        errors: {},
        address: EMPTY_ADDRESS,
        details: null,
        pause: null,
        gemeenteName,
        now: ss.clock.now(),
        ...extra,
      }),
      Object.keys(extra.errors ?? {}).length > 0 ? 422 : status,
      message,
    );
  }

  function readAddressForm(body: FormBody | undefined): AddressFormValues {
    return {
      postcode: field(body, 'postcode', 20),
      huisnummer: field(body, 'huisnummer', 20),
      toevoeging: field(body, 'toevoeging', 30),
      kanaal: field(body, 'kanaal', 10),
      dagen: fields(body, 'dagen'),
      van: field(body, 'van', 10),
      tot: field(body, 'tot', 10),
    };
  }

  function changeErrors(change: Exclude<AddressChange, { kind: 'done' | 'not-found' }>): FieldErrors {
    switch (change.kind) {
      case 'address-not-found':
        return { postcode: texts.errors.addressNotFound };
      case 'geocoder-unavailable':
        return { postcode: texts.errors.geocoderUnavailable };
      case 'channel-needs-other-number':
        return { kanaal: texts.errors.smsNeedsMobile };
      case 'duplicate':
        return { postcode: t.duplicate };
    }
  }

  return async (app) => {
    app.decorateRequest('participantId', null);
    const guarded = { preHandler: requireParticipant };
    const guardedPost = { preHandler: [requireParticipant, app.csrfProtection] };

    app.get(SITE_PATHS.myData, guarded, async (request, reply) => showOverview(request, reply));

    app.post('/mijn-gegevens/gegevens', guardedPost, async (request: FastifyRequest, reply) => {
      const naam = field(bodyOf(request), 'naam', 250);
      const emailText = field(bodyOf(request), 'email', 300);
      const errors: FieldErrors = {};
      if (naam === '' || naam.length > 200) errors.naam = texts.errors.name;
      const email = emailText === '' ? null : readEmail(emailText);
      if (emailText !== '' && email === null) errors.email = texts.errors.email;
      if (Object.keys(errors).length > 0)
        return showOverview(request, reply, { errors, details: { naam, email: emailText } });
      await changeMyDetails(ss, me(request), { name: naam, email });
      return showOverview(request, reply, {}, notice(t.saved));
    });

    app.post('/mijn-gegevens/adres', guardedPost, async (request: FastifyRequest, reply) => {
      const values = readAddressForm(bodyOf(request));
      const errors: FieldErrors = {};
      const address = readAddress(bodyOf(request), texts, errors);
      const channel: ContactChannel | null =
        values.kanaal === 'sms' || values.kanaal === 'voice' ? values.kanaal : null;
      if (channel === null) errors.kanaal = texts.errors.channel;
      const timeWindows = readTimeWindows(bodyOf(request), texts, errors);
      if (address === null || channel === null || timeWindows === null)
        return showOverview(request, reply, { errors, address: values });
      const change = await addMyAddress(ss, me(request), { address, channel, timeWindows });
      if (change.kind === 'not-found') return reply.code(303).header('location', SITE_PATHS.myData).send();
      if (change.kind !== 'done')
        return showOverview(request, reply, { errors: changeErrors(change), address: values });
      return showOverview(request, reply, {}, notice(t.added(addressLine(change.registration))));
    });

    const registrationParams = z.object({ id: z.uuid() });

    app.get(
      '/mijn-gegevens/adres/:id',
      { ...guarded, schema: { params: registrationParams } },
      async (request: FastifyRequest, reply) => {
        const data = await viewMyData(ss, me(request));
        const r = data?.participant.registrations.find((x) => x.id === idParam(request));
        if (r === undefined) return reply.code(303).header('location', SITE_PATHS.myData).send();
        const values = {
          ...EMPTY_ADDRESS,
          kanaal: r.channel,
          dagen: [...new Set(r.timeWindows.map((w) => w.day))],
          van: r.timeWindows[0]?.from ?? '',
          tot: r.timeWindows[0]?.to ?? '',
        };
        return page(reply, addressLine(r), addressEditForm(texts, r, values, {}, reply.generateCsrf()));
      },
    );

    app.post(
      '/mijn-gegevens/adres/:id',
      { ...guardedPost, schema: { params: registrationParams } },
      async (request: FastifyRequest, reply) => {
        const data = await viewMyData(ss, me(request));
        const r = data?.participant.registrations.find((x) => x.id === idParam(request));
        if (r === undefined) return reply.code(303).header('location', SITE_PATHS.myData).send();
        const values = readAddressForm(bodyOf(request));
        const errors: FieldErrors = {};
        const channel: ContactChannel | null =
          values.kanaal === 'sms' || values.kanaal === 'voice' ? values.kanaal : null;
        if (channel === null) errors.kanaal = texts.errors.channel;
        const timeWindows = readTimeWindows(bodyOf(request), texts, errors);
        if (channel === null || timeWindows === null)
          return page(reply, addressLine(r), addressEditForm(texts, r, values, errors, reply.generateCsrf()), 422);
        const change = await changeMyAddress(ss, me(request), r.id, { channel, timeWindows });
        if (change.kind === 'channel-needs-other-number')
          return page(
            reply,
            addressLine(r),
            addressEditForm(texts, r, values, { kanaal: texts.errors.smsNeedsMobile }, reply.generateCsrf()),
            422,
          );
        return showOverview(request, reply, {}, notice(t.changed));
      },
    );

    app.post(
      '/mijn-gegevens/adres/:id/verwijderen',
      { ...guardedPost, schema: { params: registrationParams } },
      async (request: FastifyRequest, reply) => {
        const outcome = await removeMyAddress(ss, me(request), idParam(request));
        return showOverview(
          request,
          reply,
          {},
          outcome === 'last-one' ? warning(t.lastAddress) : outcome === 'done' ? notice(t.removed) : null,
        );
      },
    );

    app.post('/mijn-gegevens/pauze', guardedPost, async (request: FastifyRequest, reply) => {
      if (field(bodyOf(request), 'pauze', 20) === 'beeindigen') {
        await setMyPause(ss, me(request), null);
        return showOverview(request, reply, {}, notice(t.pauseEnded));
      }
      const van = field(bodyOf(request), 'pauze_van', 20);
      const tot = field(bodyOf(request), 'pauze_tot', 20);
      const from = amsterdamStartOfDay(van);
      const lastDay = amsterdamStartOfDay(tot);
      // "Tot en met": the pause ends when the day after the last one begins (in Amsterdam).
      const until = lastDay === null ? null : amsterdamStartOfDay(nextDay(tot));
      const errors: FieldErrors = {};
      if (from === null) errors.pauze_van = texts.errors.date;
      if (until === null) errors.pauze_tot = texts.errors.date;
      if (from !== null && until !== null) {
        const problem = await setMyPause(ss, me(request), { from, until });
        if (problem === 'until-before-from') errors.pauze_tot = texts.errors.pauseOrder;
        if (problem === 'in-the-past') errors.pauze_tot = texts.errors.pausePast;
        if (problem === 'too-long') errors.pauze_tot = texts.errors.pauseTooLong;
      }
      if (Object.keys(errors).length > 0) return showOverview(request, reply, { errors, pause: { van, tot } });
      return showOverview(request, reply, {}, notice(t.pauseSaved));
    });

    app.get('/mijn-gegevens/download', guarded, async (request, reply) => {
      const data = await viewMyData(ss, me(request));
      if (data === null) return reply.code(303).header('location', '/mijn-gegevens/inloggen').send();
      return reply
        .header('content-disposition', 'attachment; filename="mijn-burgernet-gegevens.json"')
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(exportJson(data, gemeenteName), null, 2));
    });

    app.get('/mijn-gegevens/verwijderen', guarded, async (_request, reply) =>
      page(reply, t.deleteTitle, deleteConfirmation(texts, reply.generateCsrf())),
    );

    app.post('/mijn-gegevens/verwijderen', guardedPost, async (request, reply) => {
      await eraseMyData(ss, me(request));
      clearMySession(reply, deps.plein.cookieSecure);
      return page(
        reply,
        t.deletedTitle,
        html`<h1>${t.deletedTitle}</h1><div class="notice" role="status"><p>${t.deletedText}</p></div><p><a href="/">${texts.nav.home}</a></p>`,
      );
    });
  };
}

/** "2026-07-14" → "2026-07-15". */
function nextDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Everything held about the participant, as a machine-readable file (AVG art. 15 and 20). */
export function exportJson(data: MyData, gemeenteName: (code: string) => string) {
  const p = data.participant;
  return {
    deelnemer: {
      id: p.id,
      naam: p.name,
      email: p.email,
      emailBevestigdOp: p.emailConfirmedAt ?? null,
      pauze: p.pause ? { van: p.pause.from, tot: p.pause.until } : null,
      aangemeldOp: p.createdAt,
      gewijzigdOp: p.updatedAt,
    },
    aanmeldingen: p.registrations.map((r) => ({
      id: r.id,
      telefoon: r.msisdn,
      kanaal: r.channel,
      postcode: r.address.postcode,
      huisnummer: r.address.houseNumber,
      toevoeging: r.address.houseNumberAddition,
      straat: r.street,
      plaats: r.city,
      gemeente: { code: r.gemeenteCode, naam: gemeenteName(r.gemeenteCode) },
      locatie: r.location,
      tijdvensters: r.timeWindows,
      aangemeldOp: r.createdAt,
    })),
    berichten: data.deliveries.map((d) => ({
      actie: d.actionNumber,
      soort: d.messageKind,
      kanaal: d.channel,
      status: d.status,
      verstuurdOp: d.queuedAt,
      afgerondOp: d.finalAt,
    })),
  };
}
