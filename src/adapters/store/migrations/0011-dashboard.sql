-- The dashboard (Burgernetplein): figures per gemeente kept current as things happen, so that no view counts
-- millions of rows. Participants: triggers on registrations and participants keep the counts per gemeente and
-- the joins and departures per day (a statement-level trigger with transition tables: one pass per bulk insert,
-- not one per row). Actions: one row of figures per started action, written by the dashboard's refresher (the
-- deliveries behind them hold phone numbers and are not kept for ever; the figures are). Recruitment campaigns
-- that a gemeente marks on its sign-up trend.
--
-- A participant counts in a gemeente when they have at least one registration (aanmelding) there: someone with a
-- home and a work address in two gemeenten counts in both. By channel: participants with a registration of that
-- channel there (one with an SMS and a voice registration in one gemeente counts under both). 'email': counted
-- participants whose e-mail address is confirmed (double opt-in).

create table dashboard_participants (
  gemeente_code text not null,
  measure text not null check (measure in ('participants', 'sms', 'voice', 'email')),
  count integer not null default 0,
  primary key (gemeente_code, measure)
);

-- Per gemeente and day (Europe/Amsterdam): participants who came (their first registration there) and who went
-- (their last registration there removed: left Burgernet, or moved away). A day without either has no row.
create table dashboard_participant_days (
  gemeente_code text not null,
  day date not null,
  joined integer not null default 0,
  leaving integer not null default 0,
  primary key (gemeente_code, day)
);

-- The triggers below ask "does this participant have other registrations in this gemeente (with this channel)?"
-- for every row a statement touches: one range of this index. With only (participant_id), the planner joined it
-- with registrations_gemeente (thousands of entries for a city) and bulk inserts slowed down as the table grew.
-- Every lookup by participant_id (the foreign key's cascade too) uses the new index as it used the old one.
create index registrations_participant_place on registrations (participant_id, gemeente_code, channel);
drop index registrations_participant;

create function dashboard_registrations_inserted() returns trigger language plpgsql as $$
begin
  with arrived as (
    select participant_id, gemeente_code, channel, count(*)::int as n, min(created_at) as at
    from inserted group by participant_id, gemeente_code, channel
  ),
  pairs as (
    select participant_id, gemeente_code, sum(n)::int as n, min(at) as at from arrived group by participant_id, gemeente_code
  ),
  -- New in the gemeente: every registration of theirs there is one of this statement's.
  new_pairs as (
    select p.* from pairs p
    where (select count(*) from registrations r where r.participant_id = p.participant_id and r.gemeente_code = p.gemeente_code) = p.n
  ),
  new_channels as (
    select a.* from arrived a
    where (select count(*) from registrations r
           where r.participant_id = a.participant_id and r.gemeente_code = a.gemeente_code and r.channel = a.channel) = a.n
  ),
  counts as (
    select gemeente_code, 'participants'::text as measure, count(*)::int as n from new_pairs group by gemeente_code
    union all
    select gemeente_code, channel, count(*)::int from new_channels group by gemeente_code, channel
    union all
    select np.gemeente_code, 'email', count(*)::int from new_pairs np join participants pa on pa.id = np.participant_id
    where pa.email_confirmed_at is not null group by np.gemeente_code
  ),
  counted as (
    insert into dashboard_participants as d (gemeente_code, measure, count) select gemeente_code, measure, n from counts
    on conflict (gemeente_code, measure) do update set count = d.count + excluded.count
  )
  insert into dashboard_participant_days as d (gemeente_code, day, joined)
  select gemeente_code, (at at time zone 'Europe/Amsterdam')::date, count(*)::int from new_pairs
  group by gemeente_code, (at at time zone 'Europe/Amsterdam')::date
  on conflict (gemeente_code, day) do update set joined = d.joined + excluded.joined;
  return null;
end;
$$;

create function dashboard_registrations_deleted() returns trigger language plpgsql as $$
begin
  with gone as (
    select participant_id, gemeente_code, channel from removed group by participant_id, gemeente_code, channel
  ),
  gone_pairs as (
    select distinct g.participant_id, g.gemeente_code from gone g
    where not exists (select 1 from registrations r where r.participant_id = g.participant_id and r.gemeente_code = g.gemeente_code)
  ),
  gone_channels as (
    select g.* from gone g
    where not exists (select 1 from registrations r
                      where r.participant_id = g.participant_id and r.gemeente_code = g.gemeente_code and r.channel = g.channel)
  ),
  -- 'email': only while the participant remains (a deleted participant's confirmed address was counted off by
  -- dashboard_participant_deleting, before the cascade removed the registrations).
  counts as (
    select gemeente_code, 'participants'::text as measure, count(*)::int as n from gone_pairs group by gemeente_code
    union all
    select gemeente_code, channel, count(*)::int from gone_channels group by gemeente_code, channel
    union all
    select gp.gemeente_code, 'email', count(*)::int from gone_pairs gp join participants pa on pa.id = gp.participant_id
    where pa.email_confirmed_at is not null group by gp.gemeente_code
  ),
  counted as (
    update dashboard_participants d set count = d.count - c.n from counts c
    where d.gemeente_code = c.gemeente_code and d.measure = c.measure
  )
  insert into dashboard_participant_days as d (gemeente_code, day, leaving)
  select gemeente_code, (now() at time zone 'Europe/Amsterdam')::date, count(*)::int from gone_pairs group by gemeente_code
  on conflict (gemeente_code, day) do update set leaving = d.leaving + excluded.leaving;
  return null;
end;
$$;

-- A registration that moves to another gemeente (a new address) or changes channel.
create function dashboard_registrations_updated() returns trigger language plpgsql as $$
begin
  with changed as (
    select n.participant_id, o.gemeente_code as old_gemeente, o.channel as old_channel, n.gemeente_code as new_gemeente,
      n.channel as new_channel
    from old_rows o join new_rows n on n.id = o.id
    where o.gemeente_code <> n.gemeente_code or o.channel <> n.channel
  ),
  moved_in as (
    select participant_id, new_gemeente as gemeente_code, count(*)::int as n from changed
    where old_gemeente <> new_gemeente group by participant_id, new_gemeente
  ),
  new_pairs as (
    select m.* from moved_in m
    where (select count(*) from registrations r where r.participant_id = m.participant_id and r.gemeente_code = m.gemeente_code) = m.n
  ),
  gone_pairs as (
    select distinct c.participant_id, c.old_gemeente as gemeente_code from changed c
    where c.old_gemeente <> c.new_gemeente
      and not exists (select 1 from registrations r where r.participant_id = c.participant_id and r.gemeente_code = c.old_gemeente)
  ),
  channel_in as (
    select participant_id, new_gemeente as gemeente_code, new_channel as channel, count(*)::int as n from changed
    group by participant_id, new_gemeente, new_channel
  ),
  new_channels as (
    select ci.* from channel_in ci
    where (select count(*) from registrations r
           where r.participant_id = ci.participant_id and r.gemeente_code = ci.gemeente_code and r.channel = ci.channel) = ci.n
  ),
  gone_channels as (
    select distinct c.participant_id, c.old_gemeente as gemeente_code, c.old_channel as channel from changed c
    where not exists (select 1 from registrations r
                      where r.participant_id = c.participant_id and r.gemeente_code = c.old_gemeente and r.channel = c.old_channel)
  ),
  counts as (
    select gemeente_code, 'participants'::text as measure, count(*)::int as n from new_pairs group by gemeente_code
    union all select gemeente_code, 'participants', -count(*)::int from gone_pairs group by gemeente_code
    union all select gemeente_code, channel, count(*)::int from new_channels group by gemeente_code, channel
    union all select gemeente_code, channel, -count(*)::int from gone_channels group by gemeente_code, channel
    union all select np.gemeente_code, 'email', count(*)::int from new_pairs np join participants pa on pa.id = np.participant_id
      where pa.email_confirmed_at is not null group by np.gemeente_code
    union all select gp.gemeente_code, 'email', -count(*)::int from gone_pairs gp join participants pa on pa.id = gp.participant_id
      where pa.email_confirmed_at is not null group by gp.gemeente_code
  ),
  counted as (
    insert into dashboard_participants as d (gemeente_code, measure, count)
    select gemeente_code, measure, sum(n)::int from counts group by gemeente_code, measure
    on conflict (gemeente_code, measure) do update set count = d.count + excluded.count
  ),
  days as (
    select gemeente_code, 1 as joined, 0 as leaving from new_pairs
    union all select gemeente_code, 0, 1 from gone_pairs
  )
  insert into dashboard_participant_days as d (gemeente_code, day, joined, leaving)
  select gemeente_code, (now() at time zone 'Europe/Amsterdam')::date, sum(joined)::int, sum(leaving)::int from days group by gemeente_code
  on conflict (gemeente_code, day) do update set joined = d.joined + excluded.joined, leaving = d.leaving + excluded.leaving;
  return null;
end;
$$;

-- An e-mail address confirmed, or removed (unsubscribed, changed): the 'email' count of each gemeente they are in.
create function dashboard_participants_updated() returns trigger language plpgsql as $$
begin
  with changed as (
    select n.id, case when n.email_confirmed_at is null then -1 else 1 end as delta
    from old_rows o join new_rows n on n.id = o.id
    where (o.email_confirmed_at is null) <> (n.email_confirmed_at is null)
  ),
  places as (
    select distinct r.participant_id, r.gemeente_code from registrations r where r.participant_id in (select id from changed)
  )
  insert into dashboard_participants as d (gemeente_code, measure, count)
  select p.gemeente_code, 'email', sum(c.delta)::int from changed c join places p on p.participant_id = c.id group by p.gemeente_code
  on conflict (gemeente_code, measure) do update set count = d.count + excluded.count;
  return null;
end;
$$;

-- Before the cascade removes the registrations: a deleted participant's confirmed address leaves every gemeente.
create function dashboard_participant_deleting() returns trigger language plpgsql as $$
begin
  if old.email_confirmed_at is not null then
    update dashboard_participants set count = count - 1
    where measure = 'email' and gemeente_code in (select distinct gemeente_code from registrations where participant_id = old.id);
  end if;
  return old;
end;
$$;

create trigger dashboard_registrations_inserted after insert on registrations
  referencing new table as inserted for each statement execute function dashboard_registrations_inserted();
create trigger dashboard_registrations_deleted after delete on registrations
  referencing old table as removed for each statement execute function dashboard_registrations_deleted();
create trigger dashboard_registrations_updated after update on registrations
  referencing old table as old_rows new table as new_rows for each statement execute function dashboard_registrations_updated();
create trigger dashboard_participants_updated after update on participants
  referencing old table as old_rows new table as new_rows for each statement execute function dashboard_participants_updated();
create trigger dashboard_participant_deleting before delete on participants
  for each row execute function dashboard_participant_deleting();

-- Counts everything again from the registrations (this migration on an existing database; repairs; the demo's
-- history). Departures cannot be recounted (those participants are gone): the days keep them.
create function dashboard_recount_participants() returns void language plpgsql as $$
begin
  delete from dashboard_participants;
  insert into dashboard_participants (gemeente_code, measure, count)
  select gemeente_code, 'participants', count(distinct participant_id)::int from registrations group by gemeente_code
  union all
  select gemeente_code, channel, count(distinct participant_id)::int from registrations group by gemeente_code, channel
  union all
  select r.gemeente_code, 'email', count(distinct r.participant_id)::int from registrations r
    join participants p on p.id = r.participant_id where p.email_confirmed_at is not null group by r.gemeente_code;
  update dashboard_participant_days set joined = 0;
  insert into dashboard_participant_days as d (gemeente_code, day, joined)
  select gemeente_code, (first_at at time zone 'Europe/Amsterdam')::date, count(*)::int
  from (select participant_id, gemeente_code, min(created_at) as first_at from registrations group by participant_id, gemeente_code) x
  group by gemeente_code, (first_at at time zone 'Europe/Amsterdam')::date
  on conflict (gemeente_code, day) do update set joined = excluded.joined;
end;
$$;
select dashboard_recount_participants();

-- The figures of one started action. Its gemeente is where the incident is (the area's centre), hence also its
-- safety region; its police unit is the action's meldkamer.
create table dashboard_actions (
  action_id uuid primary key references actions (id),
  type text not null,
  missing_child boolean not null,
  meldkamer_code text not null,
  gemeente_code text,
  safety_region_code text,
  started_at timestamptz not null,
  status text not null check (status in ('actief', 'afgesloten', 'ingetrokken')),
  result text,
  -- null while active and for a withdrawn action: neither counts in the success ratio.
  success boolean,
  ended_at timestamptz,
  -- Numbers the alert reached (SMS handed to the network, calls answered).
  recipients integer not null default 0,
  -- From the start to the first and to the last alert handed to the network (the first targeting, before any widening).
  first_message_ms integer,
  last_message_ms integer,
  -- 0800-0011 calls routed to this action, tips from the app, app notifications accepted by push services.
  calls integer not null default 0,
  tips integer not null default 0,
  app_notifications integer not null default 0,
  refreshed_at timestamptz not null
);
create index dashboard_actions_gemeente on dashboard_actions (gemeente_code, started_at);
create index dashboard_actions_region on dashboard_actions (safety_region_code, started_at);
create index dashboard_actions_meldkamer on dashboard_actions (meldkamer_code, started_at);
create index dashboard_actions_started on dashboard_actions (started_at);
-- The refresher finds recently ended actions without reading them all.
create index actions_ended_at on actions (ended_at) where ended_at is not null;

-- A gemeente's recruitment campaign: a period marked on its sign-up trend.
create table recruitment_campaigns (
  id uuid primary key,
  gemeente_code text not null references gemeenten (code),
  name text not null check (length(name) between 1 and 100),
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null,
  created_by uuid references staff (id),
  check (ends_on >= starts_on)
);
create index recruitment_campaigns_gemeente on recruitment_campaigns (gemeente_code, starts_on);
