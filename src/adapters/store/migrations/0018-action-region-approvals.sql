-- Actions stay in their meldkamer's region: the other meldkamers whose region an action's areas touched see it
-- (read-only), and an area reaching beyond the margin into another region waits for that meldkamer's approval.
alter table actions add column reaches_meldkamers text[] not null default '{}';
create index actions_reaches_meldkamers on actions using gin (reaches_meldkamers);

-- Per version of a concept and per other meldkamer: the request (a start refused for want of it) and the
-- approval by a centralist of that meldkamer. A revision needs new ones, as with action_approvals.
create table action_region_approvals (
  action_id uuid not null references actions (id),
  action_version integer not null,
  meldkamer_code text not null references meldkamers (code),
  requested_by uuid references staff (id),
  requested_at timestamptz,
  approved_by uuid references staff (id),
  approved_at timestamptz,
  primary key (action_id, action_version, meldkamer_code),
  check ((approved_by is null) = (approved_at is null)),
  check ((requested_by is null) = (requested_at is null)),
  check (requested_at is not null or approved_at is not null)
);
create index action_region_approvals_open on action_region_approvals (meldkamer_code, requested_at)
  where approved_at is null;
