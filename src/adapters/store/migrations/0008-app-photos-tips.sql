-- The Burgernetapp: what the public may see of an action, the meldkamer's photo, tips sent from the app,
-- and each meldkamer's own public number (the app's "Bel politie").
--
-- Nothing here holds where an app user is: the app decides on the device which actions are near, and a tip
-- carries a text, an optional photo (re-encoded without metadata) and an optional number to call back.

alter table actions add column public boolean not null default true;
alter table actions add column public_text text check (public_text is null or length(public_text) <= 1000);
alter table actions add column call_112 boolean not null default false;
-- Days photos and tips are kept after the action ended; null: the configured default.
alter table actions add column media_retention_days integer check (media_retention_days between 1 and 365);
create index actions_published on actions (status, ended_at) where public;

-- E.164; null: the app falls back to the police's national number.
alter table meldkamers add column public_phone text check (public_phone is null or public_phone ~ '^\+[1-9][0-9]{6,14}$');

create table action_photos (
  action_id uuid primary key references actions (id),
  storage_key text not null unique,
  content_type text not null check (content_type in ('image/jpeg', 'image/webp')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  bytes integer not null check (bytes > 0),
  uploaded_at timestamptz not null,
  uploaded_by uuid not null references staff (id)
);

create table action_tips (
  id uuid primary key,
  -- The order in which tips arrived: the live stream continues after the last one it sent.
  seq bigint generated always as identity unique,
  action_id uuid not null references actions (id),
  text text not null check (length(text) between 1 and 500),
  callback_msisdn text check (callback_msisdn is null or callback_msisdn ~ '^\+[1-9][0-9]{6,14}$'),
  photo_key text unique,
  photo_content_type text check (photo_content_type is null or photo_content_type in ('image/jpeg', 'image/webp')),
  photo_width integer,
  photo_height integer,
  photo_bytes integer,
  received_at timestamptz not null,
  check ((photo_key is null) = (photo_content_type is null))
);
create index action_tips_action on action_tips (action_id, seq);
