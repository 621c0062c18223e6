-- 0800-0011: which active actions sent a caller's number a message lately. One index range per call: the
-- number's deliveries in time order, with what the query reads included (an index-only scan where the
-- visibility map allows).
create index deliveries_msisdn_recent on deliveries (msisdn, queued_at) include (action_id, status);

-- Every routing decision of the redirect server and the HTTP variant, so the dashboard can count calls per
-- action. Deliberately without the caller's number (see README, 0800-0011).
create table call_routings (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  action_id uuid references actions (id),
  meldkamer_code text references meldkamers (code),
  target text not null,
  reason text not null check (reason in ('active-action', 'most-recent-action', 'registered-address', 'national-default',
    'no-caller-number', 'lookup-failed', 'overloaded')),
  transport text not null check (transport in ('sip-udp', 'sip-tcp', 'http')),
  candidates smallint not null check (candidates >= 0),
  check ((action_id is null) = (reason not in ('active-action', 'most-recent-action')))
);
create index call_routings_action on call_routings (action_id, at) where action_id is not null;

-- Everything one call needs, in one round trip and with the plans cached by plpgsql for the session (planning
-- the joins costs more than running them): the active actions that sent the number a message since p_since
-- (sending, submitted or delivered: a queued, failed, expired or cancelled one never reached the caller), or,
-- when there is none, the meldkamer of the number's first registered address.
create function call_routing_candidates(p_msisdn text, p_since timestamptz)
returns table (found_kind text, found_action_id uuid, found_meldkamer_code text, found_target text, found_last_sent_at timestamptz)
language plpgsql stable as $$
begin
  return query
    select 'action'::text, d.action_id, a.meldkamer_code, m.phone_routing_target, max(d.queued_at)
    from deliveries d
    join actions a on a.id = d.action_id
    join meldkamers m on m.code = a.meldkamer_code
    where d.msisdn = p_msisdn and d.queued_at >= p_since and d.status in ('sending', 'submitted', 'delivered') and a.status = 'actief'
    group by d.action_id, a.meldkamer_code, m.phone_routing_target;
  if not found then
    return query
      select 'registered'::text, null::uuid, g.meldkamer_code, m.phone_routing_target, null::timestamptz
      from registrations r
      join gemeenten g on g.code = r.gemeente_code
      join meldkamers m on m.code = g.meldkamer_code
      where r.msisdn = p_msisdn
      order by r.created_at, r.id
      limit 1;
  end if;
end;
$$;
create index call_routings_at on call_routings (at);
