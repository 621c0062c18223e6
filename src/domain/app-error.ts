import type { ActionError, ApprovalError } from './action/errors.js';
import type { DashboardError } from './dashboard/errors.js';
import type { MeldkamerError, PlaceError } from './geo/errors.js';
import type { MailError } from './mail/errors.js';
import type { ParticipantError } from './participant/errors.js';
import type { PhotoError } from './photo/errors.js';
import type { PushError } from './push/errors.js';
import type { AuthError } from './staff/errors.js';
import type { TipError } from './tip/errors.js';

/**
 * Every expected error of the use cases, by module. Each `code` is stable, has a Dutch title in the message
 * catalogue and a page under docs/errors/; the HTTP adapter's problem table gives it a status.
 */
export type AppError =
  | ActionError
  | ApprovalError
  | AuthError
  | DashboardError
  | MailError
  | MeldkamerError
  | ParticipantError
  | PhotoError
  | PlaceError
  | PushError
  | TipError;

export type AppErrorCode = AppError['code'];
