import type { AppError } from '../../../domain/app-error.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { RequestError } from './request-error.js';

/** Every error an HTTP response can carry: the use cases' and the adapter's own. */
export type ProblemError = AppError | RequestError;
export type ProblemCode = ProblemError['code'];
type ErrorOf<C extends ProblemCode> = Extract<ProblemError, { readonly code: C }>;

/**
 * How one code answers. The title is the catalogue's (`problems[code]`) and `type` is `/docs/errors/<code>`;
 * the entry adds the status and, where the error has them, a detail sentence, extension members and headers.
 */
export interface ProblemEntry<E> {
  readonly status: number | ((error: E) => number);
  readonly detail?: (error: E, catalogue: Catalogue) => string | undefined;
  /** RFC 9457 extension members beside `code`: the facts a client can act on. */
  readonly extensions?: (error: E, catalogue: Catalogue) => Readonly<Record<string, unknown>>;
  readonly headers?: (error: E) => Readonly<Record<string, string>>;
}

const MEBIBYTE = 1024 * 1024;
const bearer = (realm: string) => ({ 'www-authenticate': `Bearer realm="${realm}"` });
/** A running import takes from seconds to a few minutes: a busy refusal asks to try again after this. */
const IMPORT_RETRY_SECONDS = 60;
const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });

/** One entry per code: a code without a status does not compile. */
export const PROBLEM_TABLE = {
  'action.not-found': { status: 404 },
  'action.wrong-status': {
    status: 409,
    detail: (e, c) => c.problemDetails.actionWrongStatus({ status: e.actionStatus, allowed: e.allowed }),
    extensions: (e) => ({ actionStatus: e.actionStatus, allowed: e.allowed }),
  },
  'action.invalid-area': {
    status: 422,
    detail: (e, c) => c.problemDetails.areaProblems[e.problem],
    extensions: (e) => ({ problem: e.problem }),
  },
  'action.instructions-required': { status: 422 },
  'action.missing-child-needs-vermissing': { status: 422 },
  'action.stale-version': {
    status: 409,
    detail: (e, c) => c.problemDetails.actionStaleVersion({ currentVersion: e.currentVersion }),
    extensions: (e) => ({ currentVersion: e.currentVersion }),
  },
  'action.unfilled-template-field': {
    status: 422,
    detail: (e, c) => c.problemDetails.actionUnfilledTemplateFields({ fields: e.fields }),
    extensions: (e) => ({ fields: e.fields }),
  },
  'action.widening-must-contain': { status: 422, detail: (_e, c) => c.problemDetails.actionWideningMustContain },
  'action.result-not-for-type': {
    status: 422,
    detail: (e, c) => c.problemDetails.actionResultNotForType({ type: e.type, allowed: e.allowed }),
    extensions: (e) => ({ allowed: e.allowed }),
  },
  'action.approval-required': { status: 409 },
  'action.approval-by-self': { status: 409 },
  'action.size-approval-required': {
    status: 422,
    detail: (e, c) => c.problemDetails.actionSizeApprovalRequired({ size: e.size, meldkamers: e.meldkamers }),
    extensions: (e) => ({ ...e.size, meldkamers: e.meldkamers }),
  },
  'action.region-approval-required': {
    status: 422,
    detail: (e, c) =>
      c.problemDetails.actionRegionApprovalRequired({ meldkamers: e.meldkamers, marginMetres: e.marginMetres }),
    extensions: (e) => ({ meldkamers: e.meldkamers, marginMetres: e.marginMetres }),
  },
  'action.area-change-needs-approval': {
    status: 422,
    detail: (e, c) =>
      c.problemDetails.actionAreaChangeNeedsApproval({
        meldkamers: e.meldkamers,
        marginMetres: e.marginMetres,
        size: e.size,
      }),
    extensions: (e) => ({ meldkamers: e.meldkamers, marginMetres: e.marginMetres, ...(e.size ?? {}) }),
  },

  'auth.invalid-credentials': { status: 401, detail: (_e, c) => c.plein.login.invalidCredentials },
  'auth.throttled': {
    status: 429,
    detail: (e, c) => c.plein.login.throttled({ seconds: e.retryAfterSeconds, reason: e.reason }),
    extensions: (e) => ({ reason: e.reason, retryAfterSeconds: e.retryAfterSeconds }),
    headers: (e) => retryAfter(e.retryAfterSeconds),
  },
  'auth.invalid-code': { status: 401, detail: (_e, c) => c.plein.login.invalidCode },
  'auth.passkey-invalid': { status: 401, detail: (_e, c) => c.plein.login.passkeyInvalid },
  'auth.session-invalid': { status: 401, detail: (_e, c) => c.plein.login.sessionInvalid },
  'auth.activation-invalid': { status: 404 },
  'auth.no-second-factor': { status: 403, detail: (_e, c) => c.plein.login.noSecondFactor },
  'auth.reauthentication-required': { status: 403, detail: (_e, c) => c.plein.login.reauthenticationRequired },
  'auth.weak-password': {
    status: 422,
    detail: (e, c) => c.plein.password[e.problem],
    extensions: (e) => ({ problem: e.problem }),
  },
  'auth.forbidden': { status: 403, detail: (e, c) => ('refusedBy' in e ? c.problemDetails.roleRefused : undefined) },
  'auth.sso-refused': { status: 403, extensions: (e) => ({ reason: e.reason }) },
  'auth.sso-failed': {
    // The user or the provider said no; a response that failed our checks; a provider we could not reach.
    status: (e) => (e.reason === 'refused-by-provider' ? 403 : e.reason === 'invalid-response' ? 400 : 502),
    extensions: (e) => ({ reason: e.reason }),
  },
  'auth.unauthenticated': {
    status: 401,
    detail: (e, c) => (e.expected === 'token' ? c.problemDetails.invalidToken : c.problemDetails.noSessionOrToken),
    headers: (e) => bearer(e.realm),
  },
  'auth.token-expired': {
    status: 401,
    detail: (e, c) => c.problemDetails.apiTokenExpired({ expiredAt: e.expiredAt }),
    extensions: (e) => ({ expiredAt: e.expiredAt.toISOString() }),
    headers: (e) => ({ 'www-authenticate': `Bearer realm="${e.realm}", error="invalid_token"` }),
  },
  'auth.csrf': { status: 403 },
  'staff.not-found': { status: 404 },
  'staff.email-taken': { status: 409 },
  'staff.invalid-scope': { status: 422 },
  'staff.invalid-token-lifetime': {
    status: 422,
    detail: (e, c) => c.problemDetails.apiTokenLifetime({ maxDays: e.maxDays }),
  },

  'dashboard.unknown-gemeente': { status: 404 },
  'dashboard.out-of-scope': { status: 403 },
  'dashboard.invalid-period': {
    status: 422,
    detail: (e, c) => c.dashboard.periodProblems[e.problem],
    extensions: (e) => ({ problem: e.problem }),
  },
  'campaign.not-found': { status: 404 },

  'mail.not-found': { status: 404 },
  'mail.template-not-found': { status: 404 },
  'mail.outside-scope': { status: 403 },
  'mail.wrong-status': {
    status: 409,
    detail: (e, c) => c.problemDetails.mailWrongStatus({ status: c.mail.statuses[e.status] }),
  },
  'mail.stale-version': { status: 409 },
  'mail.invalid-template': {
    status: 422,
    detail: (e, c) =>
      e.problem.kind === 'unknown-placeholder'
        ? c.problemDetails.mailUnknownField({ field: e.problem.placeholder })
        : undefined,
  },
  'mail.invalid-fields': {
    status: 422,
    extensions: (e, c) => ({
      errors: Object.entries(e.problems).flatMap(([field, p]) =>
        p === undefined ? [] : [{ path: `fields/${field}`, message: c.mail.fieldProblems[p] }],
      ),
    }),
  },
  'mail.invalid-audience': {
    status: 422,
    detail: (e, c) =>
      e.problem.kind === 'postcode-format'
        ? c.problemDetails.mailNotAPostcode({ value: e.problem.value })
        : e.problem.kind === 'address-not-found'
          ? c.mail.portal.compose.errors.address
          : e.problem.kind === 'area'
            ? c.problemDetails.areaProblems[e.problem.problem]
            : undefined,
  },
  'mail.empty-audience': { status: 422 },
  'mail.invalid-schedule': { status: 422 },
  'mail.invalid-reply-to': { status: 422 },

  'meldkamer.not-found': { status: 404 },
  'meldkamer.invalid-phone-number': { status: 422 },

  'place.not-found': { status: 404, detail: (_e, c) => c.problemDetails.placeNotFound },
  'place.search-unavailable': {
    status: 503,
    detail: (_e, c) => c.problemDetails.tryAgainLater,
    extensions: (e) => ({ reason: e.reason }),
  },

  'participant.not-found': { status: 404 },
  'participant.address-not-found': { status: 422 },
  'participant.geocoder-unavailable': {
    status: 503,
    detail: (_e, c) => c.problemDetails.tryAgainLater,
    extensions: (e) => ({ reason: e.reason }),
  },
  'participant.invalid-phone-number': { status: 422 },
  'participant.sms-needs-mobile': { status: 422 },
  'participant.out-of-scope': { status: 403 },
  'participant.duplicate-registration': { status: 409 },
  'relatiebeheer.import-unreadable': { status: 422, detail: (e) => e.problem },
  'relatiebeheer.import-busy': {
    status: 429,
    detail: (e, c) => c.problemDetails.importBusy({ scope: e.scope, limit: e.limit }),
    extensions: (e) => ({ scope: e.scope, limit: e.limit }),
    headers: () => retryAfter(IMPORT_RETRY_SECONDS),
  },
  'relatiebeheer.import-too-large': {
    status: 413,
    detail: (e, c) =>
      e.limit === 'rows'
        ? c.problemDetails.importTooManyRows({ max: e.max })
        : c.problemDetails.importTooManyBytes({ megabytes: Math.round(e.max / MEBIBYTE) }),
    extensions: (e) => ({ limit: e.limit, max: e.max }),
  },

  'photo.not-an-image': { status: 422, detail: (_e, c) => c.problemDetails.notAnImage },
  'photo.too-many-pixels': {
    status: 422,
    detail: (e, c) => c.problemDetails.tooManyPixels({ megapixels: Math.round(e.maxPixels / 1_000_000) }),
    extensions: (e) => ({ maxPixels: e.maxPixels }),
  },
  'photo.too-large': {
    status: 413,
    detail: (e, c) => c.problemDetails.photoTooLarge({ megabytes: Math.floor(e.maxBytes / MEBIBYTE) }),
    extensions: (e) => ({ maxBytes: e.maxBytes }),
  },
  'photo.not-found': { status: 404 },

  'push.unknown-device': {
    status: 401,
    detail: (_e, c) => c.problemDetails.unknownDevice,
    headers: () => ({ 'www-authenticate': 'Device' }),
  },
  'push.endpoint-not-allowed': { status: 422 },

  'tip.action-not-active': { status: 409, detail: (_e, c) => c.problemDetails.tipActionNotActive },
  'tip.invalid-phone-number': { status: 422, detail: (_e, c) => c.problemDetails.tipInvalidPhone },
  'tip.not-found': { status: 404 },
  'tip.no-callback-number': { status: 404 },

  'request.invalid': {
    status: (e) => (e.reason === 'unreadable' ? e.status : 400),
    detail: (e, c) =>
      e.reason === 'fields'
        ? c.problemDetails.checkMarkedFields
        : e.reason === 'unreadable'
          ? c.problemDetails.unreadableRequest
          : c.plein.console.placeSearch.invalid,
    extensions: (e) => (e.reason === 'fields' ? { errors: e.errors } : {}),
  },
  'request.not-found': { status: 404 },
  'request.too-large': { status: 413 },
  'request.unsupported-media-type': {
    status: 415,
    detail: (e, c) => (e.expected === 'csv' ? c.problemDetails.csvExpected : undefined),
  },
  'request.rate-limited': {
    status: 429,
    detail: (e, c) => c.problemDetails.rateLimited({ seconds: e.retryAfterSeconds }),
    headers: (e) => retryAfter(e.retryAfterSeconds),
  },
  'request.rate-limit-unavailable': {
    status: 503,
    detail: (e, c) => c.problemDetails.rateLimited({ seconds: e.retryAfterSeconds }),
    headers: (e) => retryAfter(e.retryAfterSeconds),
  },
  'request.too-many-streams': {
    status: 429,
    detail: (e, c) => c.problemDetails.tooManyStreams({ limit: e.limit }),
    extensions: (e) => ({ limit: e.limit }),
  },
  'upload.not-multipart': { status: 415 },
  'upload.malformed': { status: 400 },
  'server.internal': { status: 500 },
  'server.unavailable': { status: 503 },
  'server.database-unavailable': {
    status: 503,
    detail: (e, c) => c.problemDetails.rateLimited({ seconds: e.retryAfterSeconds }),
    extensions: (e) => ({ retryAfterSeconds: e.retryAfterSeconds }),
    headers: (e) => retryAfter(e.retryAfterSeconds),
  },
} satisfies { readonly [C in ProblemCode]: ProblemEntry<ErrorOf<C>> };
