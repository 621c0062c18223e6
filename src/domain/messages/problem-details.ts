import type { ActionResult } from '../action/action-result.js';
import type { ActionStatus } from '../action/action-status.js';
import type { ActionType } from '../action/action-type.js';
import type { SizeExcess } from '../action/action-limits.js';
import type { AreaProblem } from '../area/area.js';

/** The sentences under a problem's title (RFC 9457 `detail`): what the person who asked can do about it. */
export interface ProblemDetails {
  readonly actionWrongStatus: (p: { status: ActionStatus; allowed: readonly ActionStatus[] }) => string;
  readonly areaProblems: Record<AreaProblem, string>;
  readonly actionStaleVersion: (p: { currentVersion: number }) => string;
  readonly actionUnfilledTemplateFields: (p: { fields: readonly string[] }) => string;
  readonly actionWideningMustContain: string;
  readonly actionResultNotForType: (p: { type: ActionType; allowed: readonly ActionResult[] }) => string;
  /** A start held up by the size caps; `meldkamers`: other meldkamers asked to approve as well. */
  readonly actionSizeApprovalRequired: (p: { size: SizeExcess; meldkamers: readonly string[] }) => string;
  /** A start held up until other meldkamers approve (the area reaches beyond the margin into their regions). */
  readonly actionRegionApprovalRequired: (p: { meldkamers: readonly string[]; marginMetres: number }) => string;
  /** A widening or move refused: beyond the margin into a region that did not approve, or above the caps. */
  readonly actionAreaChangeNeedsApproval: (p: {
    meldkamers: readonly string[];
    marginMetres: number;
    size: SizeExcess | null;
  }) => string;
  readonly tryAgainLater: string;
  /** The console's place search found nothing: what it can find. */
  readonly placeNotFound: string;
  readonly notAnImage: string;
  readonly tooManyPixels: (p: { megapixels: number }) => string;
  readonly photoTooLarge: (p: { megabytes: number }) => string;
  readonly tipActionNotActive: string;
  readonly tipInvalidPhone: string;
  readonly checkMarkedFields: string;
  readonly unreadableRequest: string;
  readonly uploadFieldTooLong: string;
  /** A text holding U+0000, which no text field can store. */
  readonly textNulCharacter: string;
  /** A text holding half of a UTF-16 surrogate pair (not a character). */
  readonly textLoneSurrogate: string;
  readonly uploadUnexpectedField: string;
  readonly invalidToken: string;
  readonly apiTokenExpired: (p: { readonly expiredAt: Date }) => string;
  readonly apiTokenLifetime: (p: { readonly maxDays: number }) => string;
  readonly noSessionOrToken: string;
  readonly roleRefused: string;
  readonly mailWrongStatus: (p: { status: string }) => string;
  readonly mailUnknownField: (p: { field: string }) => string;
  readonly mailNotAPostcode: (p: { value: string }) => string;
  readonly rateLimited: (p: { seconds: number }) => string;
  readonly unknownDevice: string;
  readonly csvExpected: string;
  readonly importBusy: (p: { readonly scope: 'account' | 'system'; readonly limit: number }) => string;
  readonly importTooManyRows: (p: { readonly max: number }) => string;
  readonly importTooManyBytes: (p: { readonly megabytes: number }) => string;
  /** An event stream refused: the staff member has `limit` open already. */
  readonly tooManyStreams: (p: { limit: number }) => string;
}
