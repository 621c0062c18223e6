-- Broadcast channels (partner webhooks, and later social posts, displays, CAP partners) publish what happens to a
-- public action: one message per event and destination, not one per person. The event is written in the same
-- transaction as the change to the action, with one outbox row per destination that wants it, so a crash never
-- loses an event; a destination gets its events one at a time and in order, so nothing is repeated beyond the
-- one in flight when a worker died.
create table action_events (
  id uuid primary key,
  action_id uuid not null references actions (id),
  sequence integer not null check (sequence > 0),
  kind text not null check (kind in ('action.started', 'action.widened', 'action.updated', 'action.closed', 'action.withdrawn')),
  occurred_at timestamptz not null,
  -- The action's public view at that moment (and the update's text): only what the public may see.
  payload jsonb not null,
  unique (action_id, sequence)
);

create table broadcast_outbox (
  -- Order of delivery within a destination: the order the events were written in.
  position bigint generated always as identity primary key,
  event_id uuid not null references action_events (id),
  destination text not null check (length(destination) between 1 and 200),
  status text not null check (status in ('pending', 'sending', 'delivered', 'rejected', 'expired')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null,
  claimed_by text,
  claimed_at timestamptz,
  last_http_status integer,
  last_reason text check (length(last_reason) <= 200),
  settled_at timestamptz,
  created_at timestamptz not null,
  unique (event_id, destination),
  check ((status = 'sending') = (claimed_by is not null))
);
-- The head of each destination's queue: what is waiting or in flight, oldest first.
create index broadcast_outbox_open on broadcast_outbox (destination, position) where status in ('pending', 'sending');
create index broadcast_outbox_recent on broadcast_outbox (created_at desc);
