import { mayViewParticipantsIn, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ParticipantSearch, ParticipantWithRegistrations } from '../ports/participant-repository.js';
import type { ParticipantDeps } from './participant-deps.js';

/**
 * The participant as this staff member may see them: only the registrations whose address lies in their scope
 * (a person registered in two gemeenten is each gemeente's resident at its own address only); null when none does.
 */
export function visiblePart(
  deps: Pick<ParticipantDeps, 'gemeenten'>,
  staff: Staff,
  p: ParticipantWithRegistrations,
): ParticipantWithRegistrations | null {
  if (staff.scope.kind === 'landelijk') return p;
  const registrations = p.registrations.filter((r) => {
    const gemeente = deps.gemeenten.get(r.gemeenteCode);
    return gemeente !== undefined && mayViewParticipantsIn(staff, gemeente);
  });
  return registrations.length === 0 ? null : { ...p, registrations };
}

export async function viewParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  purpose: string,
): Promise<Result<ParticipantWithRegistrations>> {
  const participant = await deps.store.participants.findParticipant(participantId);
  const visible = participant === null ? null : visiblePart(deps, staff, participant);
  if (visible === null) return fail({ code: 'participant.not-found' });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.viewed',
    subjectType: 'participant',
    subjectId: visible.id,
    details: { purpose },
    at: deps.clock.now(),
  });
  return ok(visible);
}

export async function searchParticipants(
  deps: ParticipantDeps,
  staff: Staff,
  search: Omit<ParticipantSearch, 'scope'>,
  purpose: string,
): Promise<Result<{ readonly items: readonly ParticipantWithRegistrations[]; readonly total: number }>> {
  const result = await deps.store.participants.searchParticipants({ ...search, scope: staff.scope });
  const items = result.items.map((p) => visiblePart(deps, staff, p)).filter((p): p is ParticipantWithRegistrations => p !== null);
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.searched',
    subjectType: 'participant',
    subjectId: null,
    // What was looked for is described, not kept: a deleted participant's number must not live on here.
    details: { purpose, byText: search.text !== null, byPhone: search.msisdn !== null, gemeenteCode: search.gemeenteCode, shown: items.map((p) => p.id) },
    at: deps.clock.now(),
  });
  return ok({ items, total: result.total });
}
