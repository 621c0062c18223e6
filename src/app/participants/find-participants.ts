import { mayViewParticipantsIn, type Staff } from '../../domain/staff/staff.js';
import { failure, success, type Outcome } from '../errors.js';
import type { ParticipantSearch, ParticipantWithRegistrations } from '../ports/participant-repository.js';
import type { ParticipantDeps } from './participant-deps.js';

/** A participant is visible to staff whose scope covers one of their addresses. */
export function isVisibleTo(deps: Pick<ParticipantDeps, 'gemeenten'>, staff: Staff, p: ParticipantWithRegistrations): boolean {
  if (staff.scope.kind === 'landelijk') return true;
  return p.registrations.some((r) => {
    const gemeente = deps.gemeenten.get(r.gemeenteCode);
    return gemeente !== undefined && mayViewParticipantsIn(staff, gemeente);
  });
}

export async function viewParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  purpose: string,
): Promise<Outcome<ParticipantWithRegistrations>> {
  const participant = await deps.store.participants.findParticipant(participantId);
  if (participant === null || !isVisibleTo(deps, staff, participant)) return failure({ code: 'participant.not-found' });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.viewed',
    subjectType: 'participant',
    subjectId: participant.id,
    details: { purpose },
    at: deps.clock.now(),
  });
  return success(participant);
}

export async function searchParticipants(
  deps: ParticipantDeps,
  staff: Staff,
  search: Omit<ParticipantSearch, 'scope'>,
  purpose: string,
): Promise<Outcome<{ readonly items: readonly ParticipantWithRegistrations[]; readonly total: number }>> {
  const result = await deps.store.participants.searchParticipants({ ...search, scope: staff.scope });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.searched',
    subjectType: 'participant',
    subjectId: null,
    // What was looked for is described, not kept: a deleted participant's number must not live on here.
    details: { purpose, byText: search.text !== null, byPhone: search.msisdn !== null, gemeenteCode: search.gemeenteCode, shown: result.items.map((p) => p.id) },
    at: deps.clock.now(),
  });
  return success(result);
}

