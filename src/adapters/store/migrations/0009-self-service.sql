-- Participants sign themselves up and keep their own data: e-mail double opt-in, a pause for a period, one-time
-- codes (hashed), sessions of "Mijn gegevens", abuse counters and the count of limit hits for the dashboard.

alter table participants add column email_confirmed_at timestamptz;
alter table participants add column paused_from timestamptz;
alter table participants add column paused_until timestamptz;
alter table participants add constraint participants_pause_period
  check ((paused_from is null) = (paused_until is null) and (paused_until is null or paused_until > paused_from));

-- The participant's pause, copied onto every registration: targeting keeps reading one covering index.
alter table registrations add column paused_from timestamptz;
alter table registrations add column paused_until timestamptz;
drop index registrations_candidates;
create index registrations_candidates on registrations (h3_cell)
  include (lat, lon, id, msisdn, channel, time_windows, paused_from, paused_until);

-- A one-time code. Only keyed hashes are kept: of the code and of the number or e-mail address it went to.
-- A sign-up's details wait in `payload` until the code is entered, and are cleared when it is used or dead.
create table verification_codes (
  id uuid primary key,
  purpose text not null check (purpose in ('sign-up', 'login')),
  channel text not null check (channel in ('sms', 'voice', 'email')),
  target_hash text not null,
  participant_id uuid references participants (id) on delete cascade,
  code_hash text not null,
  payload jsonb,
  attempts integer not null default 0,
  status text not null default 'open' check (status in ('open', 'used', 'locked')),
  send_status text not null default 'pending' check (send_status in ('pending', 'sent', 'failed', 'skipped')),
  send_failure text,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index verification_codes_target on verification_codes (target_hash);
create index verification_codes_expires on verification_codes (expires_at);
create index verification_codes_participant on verification_codes (participant_id);

create table participant_sessions (
  token_hash text primary key,
  participant_id uuid not null references participants (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index participant_sessions_participant on participant_sessions (participant_id);

-- Fixed-window counters per limit and key (a keyed hash of a number or an IP address, or 'nl').
create table abuse_counters (
  limit_name text not null,
  key_hash text not null,
  window_start timestamptz not null,
  count integer not null,
  primary key (limit_name, key_hash, window_start)
);

-- How often each limit refused something, per hour: for the dashboard. No keys, no personal data.
create table abuse_limit_hits (
  limit_name text not null,
  hour timestamptz not null,
  hits integer not null,
  primary key (limit_name, hour)
);

-- Keys for hashing codes and signing links when the configuration gives none: made once, kept here.
create table signing_secrets (
  name text primary key,
  secret text not null,
  created_at timestamptz not null
);
