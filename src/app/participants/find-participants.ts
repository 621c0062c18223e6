import type { ParticipantVia } from '../../domain/audit/audit-event.js';
import type { Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ParticipantSearch, ParticipantWithRegistrations } from '../ports/participant-repository.js';
import type { ParticipantDeps } from './participant-deps.js';
import { loadVisible, mayUse, viaDetail, visiblePart } from './participant-scope.js';

export async function viewParticipant(
  deps: ParticipantDeps,
  staff: Staff,
  participantId: string,
  purpose: string,
  via: ParticipantVia = 'participants',
): Promise<Result<ParticipantWithRegistrations>> {
  const visible = await loadVisible(deps, deps.store, staff, participantId, { attempted: 'view', via });
  if (!visible.ok) return visible;
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.viewed',
    subjectType: 'participant',
    subjectId: visible.value.id,
    details: { purpose, ...viaDetail(via) },
    at: deps.clock.now(),
  });
  return visible;
}

export async function searchParticipants(
  deps: ParticipantDeps,
  staff: Staff,
  search: Omit<ParticipantSearch, 'scope'>,
  purpose: string,
  via: ParticipantVia = 'participants',
): Promise<Result<{ readonly items: readonly ParticipantWithRegistrations[]; readonly total: number }>> {
  if (!mayUse(staff, via)) return fail({ code: 'auth.forbidden' });
  const result = await deps.store.participants.searchParticipants({ ...search, scope: staff.scope });
  const items = result.items
    .map((p) => visiblePart(deps, staff, p))
    .filter((p): p is ParticipantWithRegistrations => p !== null);
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'participant.searched',
    subjectType: 'participant',
    subjectId: null,
    // What was looked for is described, not kept: a deleted participant's number must not live on here.
    details: {
      purpose,
      byText: search.text !== null,
      byPhone: search.msisdn !== null,
      gemeenteCode: search.gemeenteCode,
      shown: items.map((p) => p.id),
      ...viaDetail(via),
    },
    at: deps.clock.now(),
  });
  return ok({ items, total: result.total });
}
