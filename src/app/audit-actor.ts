import type { Staff } from '../domain/staff/staff.js';

/** How the audit log names the operator on the command line: the system itself, acting without an account. */
export const COMMAND_LINE_ACTOR = 'cli';

/** Who did it, as the audit log records it: a staff member, or (null) the operator on the command line. */
export function auditActor(staff: Staff | null): { readonly actorId: string | null; readonly actorName: string } {
  return staff === null
    ? { actorId: null, actorName: COMMAND_LINE_ACTOR }
    : { actorId: staff.id, actorName: staff.name };
}
