-- Web Push for the Burgernetapp. A subscription holds what a push service needs and nothing about where the
-- phone is: its presence (a coarse H3 cell) lives in the server's memory only, for minutes. No table links a
-- subscription to an action either; that would be a coarse location history.
create table push_subscriptions (
  id uuid primary key,
  endpoint text not null unique check (length(endpoint) between 12 and 2048),
  p256dh text not null check (p256dh ~ '^[A-Za-z0-9_-]{87}$'),
  auth text not null check (auth ~ '^[A-Za-z0-9_-]{22}$'),
  -- SHA-256 (hex) of the device token; the token itself stays on the phone.
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  -- The day only: when a phone last spoke to us, without the moments of its activity.
  last_seen_on date not null
);
create index push_subscriptions_last_seen on push_subscriptions (last_seen_on);

-- One row per fan-out of an action's message to phones: aggregate numbers, never subscription ids. The row is
-- also the claim (unique per message, targeting run and trigger), so that one worker sends each fan-out.
create table push_fanouts (
  id uuid primary key,
  action_id uuid not null references actions (id),
  message_id uuid not null references action_messages (id),
  targeting_run_id uuid references targeting_runs (id),
  trigger text not null check (trigger in ('start', 'widening', 'arrival', 'update', 'closing')),
  status text not null check (status in ('pending', 'running', 'finished', 'skipped', 'interrupted')),
  targeted integer not null default 0 check (targeted >= 0),
  accepted integer not null default 0 check (accepted >= 0),
  gone integer not null default 0 check (gone >= 0),
  failed integer not null default 0 check (failed >= 0),
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  check ((trigger in ('start', 'widening')) = (targeting_run_id is not null)),
  constraint push_fanouts_once unique nulls not distinct (message_id, targeting_run_id, trigger)
);
create index push_fanouts_action on push_fanouts (action_id, created_at);
create index push_fanouts_unfinished on push_fanouts (status) where status in ('pending', 'running');
