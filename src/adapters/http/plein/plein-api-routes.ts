import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeAccountRole,
  createAccount,
  listAccounts,
  resetAccount,
  revokeAccount,
  type CreatedAccount,
} from '../../../app/staff-auth/manage-accounts.js';
import { searchAuditLog } from '../../../app/staff-auth/search-audit-log.js';
import { ACTION_TYPES } from '../../../domain/action/action-type.js';
import { permissionsOf } from '../../../domain/staff/permissions.js';
import { STAFF_ROLES, type Staff } from '../../../domain/staff/staff.js';
import type { StaffAccount } from '../../../app/ports/staff-accounts.js';
import { actionTypeSettings, saveActionTypeSetting } from '../../../app/actions/action-type-settings.js';
import { approveAction } from '../../../app/actions/approve-action.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
import { auditCsv } from './audit-csv.js';

const STAFF_TAG = ['Medewerkers'];
const AUDIT_TAG = ['Audit'];
const TYPES_TAG = ['Actietypen'];

const staffIdParams = z.object({ id: z.uuid() });
const scopeFields = {
  role: z.enum(STAFF_ROLES as [Staff['role'], ...Staff['role'][]]),
  meldkamerCode: z
    .string()
    .regex(/^RE\d{2}$/)
    .optional(),
  gemeenteCode: z
    .string()
    .regex(/^GM\d{4}$/)
    .optional(),
};
const createStaffBody = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  ...scopeFields,
});
const roleBody = z.object(scopeFields);
const auditQuery = z.object({
  actorId: z.uuid().optional(),
  event: z
    .string()
    .regex(/^[a-z-]+(\.[a-z-]+)?$/)
    .optional(),
  subjectType: z.enum(['action', 'participant', 'registration', 'staff', 'system', 'mail']).optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const typeParams = z.object({ type: z.enum(ACTION_TYPES as [string, ...string[]]) });
const typeBody = z.object({ template: z.string().max(1000), requiresApproval: z.boolean() });
const actionIdParams = z.object({ id: z.uuid() });
const approvalBody = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'De versie die de goedkeurder zag; is het concept sindsdien gewijzigd, dan volgt 409 action.stale-version',
      ),
  })
  .strict()
  .optional();

export function accountJson(a: StaffAccount) {
  return {
    id: a.staff.id,
    name: a.staff.name,
    email: a.email,
    role: a.staff.role,
    meldkamerCode: a.staff.scope.kind === 'meldkamer' ? a.staff.scope.meldkamerCode : null,
    gemeenteCode: a.staff.scope.kind === 'gemeente' ? a.staff.scope.gemeenteCode : null,
    active: a.active,
    secondFactors: { totp: a.totpSecret !== null, passkeys: a.passkeys },
    singleSignOn: a.oidcSubject !== null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** What beheer hears of an activation link: that it went to the account's own address, never the link. */
function activationJson(created: CreatedAccount) {
  return {
    id: created.id,
    activationSent: created.activationSent,
    activationExpiresAt: created.activationExpiresAt.toISOString(),
  };
}

/** Accounts (beheer), the audit log (beheer), the caller's own data, action-type settings and approvals. */
export function pleinApiRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  const auth = deps.plein.auth;
  const known = (body: { meldkamerCode?: string | undefined; gemeenteCode?: string | undefined }) =>
    (body.meldkamerCode === undefined || deps.referenceData.meldkamers.some((m) => m.code === body.meldkamerCode)) &&
    (body.gemeenteCode === undefined || deps.referenceData.gemeenten.some((g) => g.code === body.gemeenteCode));

  return async (app) => {
    app.get(
      '/staff',
      {
        schema: {
          tags: STAFF_TAG,
          summary: 'Medewerkers binnen uw meldkamer of gemeente',
          querystring: z.object({ includeRevoked: z.enum(['true', 'false']).default('false') }),
        },
      },
      async (request, reply) => {
        const outcome = await listAccounts(auth, staffOf(request), request.query.includeRevoked === 'true');
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { items: outcome.value.map(accountJson) };
      },
    );

    app.post(
      '/staff',
      {
        schema: {
          tags: STAFF_TAG,
          summary:
            'Medewerker aanmaken; de activeringslink gaat per e-mail naar de medewerker zelf (activationSent zegt of dat lukte)',
          body: createStaffBody,
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!known(body)) return sendProblem(reply, deps.catalogue, { code: 'staff.invalid-scope' });
        const manager = staffOf(request);
        // Without a code, the account gets the manager's own meldkamer or gemeente.
        const meldkamerCode =
          body.meldkamerCode ?? (manager.scope.kind === 'meldkamer' ? manager.scope.meldkamerCode : null);
        const gemeenteCode =
          body.gemeenteCode ?? (manager.scope.kind === 'gemeente' ? manager.scope.gemeenteCode : null);
        const outcome = await createAccount(auth, manager, { ...body, meldkamerCode, gemeenteCode });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .code(201)
          .header('location', `/api/v1/staff/${outcome.value.id}`)
          .send(activationJson(outcome.value));
      },
    );

    app.delete(
      '/staff/:id',
      {
        schema: {
          tags: STAFF_TAG,
          summary: 'Account intrekken (sessies en sleutels vervallen direct)',
          params: staffIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await revokeAccount(auth, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        deps.plein.streams.endStaff(request.params.id, 'session-ended');
        return reply.code(204).send();
      },
    );

    app.put(
      '/staff/:id/role',
      { schema: { tags: STAFF_TAG, summary: 'Rol en scope wijzigen', params: staffIdParams, body: roleBody } },
      async (request, reply) => {
        const body = request.body;
        if (!known(body)) return sendProblem(reply, deps.catalogue, { code: 'staff.invalid-scope' });
        const outcome = await changeAccountRole(auth, staffOf(request), request.params.id, {
          role: body.role,
          meldkamerCode: body.meldkamerCode ?? null,
          gemeenteCode: body.gemeenteCode ?? null,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        // Streams opened under the old rights end; clients reconnect under the new ones.
        deps.plein.streams.endStaff(request.params.id, 'rights-changed');
        return reply.code(204).send();
      },
    );

    app.post(
      '/staff/:id/activation',
      {
        schema: {
          tags: STAFF_TAG,
          summary: 'Nieuwe activeringslink per e-mail naar de medewerker (nieuw wachtwoord en tweede stap)',
          params: staffIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await resetAccount(auth, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        deps.plein.streams.endStaff(request.params.id, 'session-ended');
        return activationJson(outcome.value);
      },
    );

    app.get(
      '/audit-log',
      {
        schema: {
          tags: AUDIT_TAG,
          summary: 'Auditlog doorzoeken of exporteren (CSV) binnen uw scope',
          querystring: auditQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const outcome = await searchAuditLog(
          auth,
          staffOf(request),
          {
            actorId: q.actorId ?? null,
            event: q.event ?? null,
            subjectType: q.subjectType ?? null,
            subjectId: q.subjectId ?? null,
            from: q.from ? new Date(q.from) : null,
            to: q.to ? new Date(q.to) : null,
            limit: q.limit,
            offset: q.offset,
          },
          q.format === 'csv',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        if (q.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="auditlog.csv"')
            .send(auditCsv(outcome.value.items));
        }
        return {
          total: outcome.value.total,
          items: outcome.value.items.map((e) => ({ ...e, at: e.at.toISOString() })),
        };
      },
    );

    app.get('/me', { schema: { tags: STAFF_TAG, summary: 'Wie ben ik: rol, scope en rechten' } }, async (request) => {
      const staff = staffOf(request);
      return {
        id: staff.id,
        name: staff.name,
        role: staff.role,
        meldkamerCode: staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null,
        gemeenteCode: staff.scope.kind === 'gemeente' ? staff.scope.gemeenteCode : null,
        permissions: permissionsOf(staff.role),
      };
    });

    app.get(
      '/me/activity',
      { schema: { tags: STAFF_TAG, summary: 'Mijn recente activiteit (uit het auditlog)' } },
      async (request) => {
        const staff = staffOf(request);
        const result = await deps.store.auditSearch.search({
          actorId: staff.id,
          event: null,
          subjectType: null,
          subjectId: null,
          from: null,
          to: null,
          meldkamerCode: null,
          gemeenteCode: null,
          limit: 100,
          offset: 0,
        });
        return { items: result.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
      },
    );

    app.get(
      '/action-types',
      { schema: { tags: TYPES_TAG, summary: 'Actietypen met sjabloon en of een tweede centralist moet goedkeuren' } },
      async () => ({
        items: await actionTypeSettings(deps),
      }),
    );

    app.put(
      '/action-types/:type',
      {
        schema: {
          tags: TYPES_TAG,
          summary: 'Sjabloon en goedkeuringsregel van een actietype wijzigen',
          params: typeParams,
          body: typeBody,
        },
      },
      async (request, reply) => {
        const outcome = await saveActionTypeSetting(deps, staffOf(request), {
          type: request.params.type as (typeof ACTION_TYPES)[number],
          ...request.body,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return outcome.value;
      },
    );

    app.post(
      '/actions/:id/approval',
      {
        schema: {
          tags: ['Burgernetacties'],
          summary:
            'Goedkeuren: door een tweede centralist (type of grootte), of door een centralist van een andere meldkamer waarvan de regio het gebied ver bereikt',
          params: actionIdParams,
          body: approvalBody,
        },
      },
      async (request, reply) => {
        const outcome = await approveAction(deps, staffOf(request), request.params.id, request.body?.version ?? null);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(201).send(outcome.value);
      },
    );
  };
}
