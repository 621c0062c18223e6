-- Burgernet: the heart. Reference data, participants, actions, their messages and deliveries, staff, audit.

create table meldkamers (
  code text primary key check (code ~ '^RE[0-9]{2}$'),
  name text not null,
  phone_routing_target text not null
);

create table gemeenten (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  province_code text not null,
  province_name text not null,
  safety_region_code text not null,
  safety_region_name text not null,
  meldkamer_code text not null references meldkamers (code),
  population integer not null check (population >= 0),
  lat double precision not null,
  lon double precision not null
);

create table participants (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  email text check (email is null or length(email) <= 254),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table registrations (
  id uuid primary key,
  participant_id uuid not null references participants (id) on delete cascade,
  msisdn text not null check (msisdn ~ '^\+[1-9][0-9]{6,14}$'),
  channel text not null check (channel in ('sms', 'voice')),
  postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  house_number integer not null check (house_number between 1 and 99999),
  house_number_addition text check (house_number_addition is null or length(house_number_addition) <= 10),
  street text,
  city text not null,
  lat double precision not null,
  lon double precision not null,
  -- H3 cell (resolution 8) of the location, as a signed 64-bit integer: the coarse index for targeting.
  h3_cell bigint not null,
  gemeente_code text not null references gemeenten (code),
  time_windows jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  unique (participant_id, msisdn, postcode, house_number, house_number_addition)
);
create index registrations_h3_cell on registrations (h3_cell);
create index registrations_participant on registrations (participant_id);
create index registrations_msisdn on registrations (msisdn);
create index registrations_gemeente on registrations (gemeente_code);

create table staff (
  id uuid primary key,
  name text not null,
  role text not null check (role in ('centralist', 'meldkamer-beheer', 'gemeente', 'gemeente-beheer', 'landelijk-beheer')),
  meldkamer_code text references meldkamers (code),
  gemeente_code text references gemeenten (code),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((role in ('centralist', 'meldkamer-beheer')) = (meldkamer_code is not null)),
  check ((role in ('gemeente', 'gemeente-beheer')) = (gemeente_code is not null))
);

create table api_tokens (
  token_hash text primary key,
  staff_id uuid not null references staff (id),
  label text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create sequence action_number_seq;

create table actions (
  id uuid primary key,
  number text not null unique,
  type text not null check (type in ('vermissing', 'diefstal', 'inbraak', 'overval', 'beroving',
    'doorrijden-na-aanrijding', 'verdachte-situatie', 'noodsituatie')),
  meldkamer_code text not null references meldkamers (code),
  status text not null check (status in ('concept', 'actief', 'afgesloten', 'ingetrokken')),
  missing_child boolean not null default false,
  priority smallint not null,
  message text not null,
  description text,
  instructions text,
  area jsonb not null,
  result text check (result in ('gevonden', 'aangehouden', 'opgelost', 'teruggevonden', 'niet-gevonden',
    'niet-aangehouden', 'geen-resultaat')),
  closing_text text,
  created_at timestamptz not null,
  created_by uuid not null references staff (id),
  started_at timestamptz,
  started_by uuid references staff (id),
  ended_at timestamptz,
  ended_by uuid references staff (id),
  updated_at timestamptz not null,
  version integer not null default 1,
  check ((status = 'afgesloten') = (result is not null))
);
create index actions_meldkamer_created on actions (meldkamer_code, created_at desc);
create index actions_status on actions (status);

create table action_messages (
  id uuid primary key,
  action_id uuid not null references actions (id),
  ordinal integer not null,
  kind text not null check (kind in ('alert', 'update', 'closing')),
  text text not null,
  created_at timestamptz not null,
  created_by uuid not null references staff (id),
  unique (action_id, ordinal)
);

-- A targeting run selects recipients for an alert at one moment; it is recorded before it runs so that
-- a crash mid-way is finished after a restart with the same area and the same moment.
create table targeting_runs (
  id uuid primary key,
  action_id uuid not null references actions (id),
  message_id uuid not null references action_messages (id),
  area jsonb not null,
  evaluated_at timestamptz not null,
  status text not null check (status in ('pending', 'done')),
  recipients integer,
  created_at timestamptz not null,
  done_at timestamptz
);
create index targeting_runs_pending on targeting_runs (created_at) where status = 'pending';

create table deliveries (
  id bigint generated always as identity primary key,
  action_id uuid not null references actions (id),
  message_id uuid not null references action_messages (id),
  message_ordinal integer not null,
  msisdn text not null,
  channel text not null check (channel in ('sms', 'voice')),
  registration_id uuid,
  distance_m integer not null,
  status text not null check (status in ('queued', 'sending', 'submitted', 'delivered', 'failed', 'expired', 'cancelled')),
  failure_reason text,
  attempts integer not null default 0,
  queued_at timestamptz not null,
  claimed_at timestamptz,
  claimed_by text,
  submitted_at timestamptz,
  final_at timestamptz,
  unique (message_id, msisdn)
);
-- The work queue: only queued rows, in the order they are sent (per action: message, then nearest first).
create index deliveries_queued on deliveries (channel, action_id, message_ordinal, id) where status = 'queued';
create index deliveries_in_flight on deliveries (claimed_at) where status = 'sending';
create index deliveries_action_status on deliveries (action_id, status);

-- One row per SMS part handed to the SMSC; receipts arrive per part.
create table sms_parts (
  reference text primary key,
  delivery_id bigint not null references deliveries (id),
  part integer not null,
  status text not null check (status in ('submitted', 'delivered', 'failed', 'expired')),
  updated_at timestamptz not null
);
create index sms_parts_delivery on sms_parts (delivery_id);

-- Receipts for references we do not know (yet): they may arrive before submit_sm_resp is stored.
create table pending_receipts (
  reference text primary key,
  status text not null check (status in ('delivered', 'failed', 'expired')),
  received_at timestamptz not null
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  event text not null,
  subject_type text not null,
  subject_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
