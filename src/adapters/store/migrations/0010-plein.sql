-- Burgernetplein: staff log in (password + second factor, or single sign-on), sessions, login throttling,
-- action-type settings (template, second approval) and configuration kept in the database.

alter table staff add column email text check (email is null or (length(email) between 3 and 254 and email = lower(email)));
create unique index staff_email on staff (email) where email is not null;
-- argon2id PHC string; null: no password yet (account not activated, or single sign-on only).
alter table staff add column password_hash text;
alter table staff add column password_changed_at timestamptz;
-- Base32 TOTP secret (RFC 6238) and the last time step used, so that a code is accepted only once.
alter table staff add column totp_secret text;
alter table staff add column totp_last_step bigint;
alter table staff add column totp_enrolled_at timestamptz;
-- A one-time activation link (hash of its token) to choose a password and enrol a second factor.
alter table staff add column activation_hash text unique;
alter table staff add column activation_expires_at timestamptz;
-- Single sign-on: the identity provider's issuer and subject this account is bound to (after first login).
alter table staff add column oidc_issuer text;
alter table staff add column oidc_subject text;
alter table staff add column revoked_by uuid references staff (id);
create unique index staff_oidc_identity on staff (oidc_issuer, oidc_subject) where oidc_subject is not null;

create table staff_passkeys (
  credential_id text primary key,
  staff_id uuid not null references staff (id),
  public_key text not null,
  sign_count bigint not null default 0,
  transports jsonb not null default '[]'::jsonb,
  label text not null check (length(label) between 1 and 100),
  created_at timestamptz not null,
  last_used_at timestamptz
);
create index staff_passkeys_staff on staff_passkeys (staff_id);

-- The cookie holds a random id; only its SHA-256 is stored. A session is 'second-factor' after the password,
-- 'enrolment' when the account still has to set up a second factor, and 'active' after both.
create table staff_sessions (
  id_hash text primary key,
  staff_id uuid not null references staff (id),
  stage text not null check (stage in ('second-factor', 'enrolment', 'active')),
  method text not null check (method in ('password', 'oidc', 'activation')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text check (end_reason in ('logout', 'idle', 'expired', 'revoked', 'replaced')),
  -- A pending WebAuthn challenge (registration or authentication) or TOTP secret being enrolled.
  challenge text,
  pending_totp_secret text
);
create index staff_sessions_staff on staff_sessions (staff_id) where ended_at is null;

-- Failed login attempts per key (a hash of the e-mail address or of the client address), for throttling.
create table login_failures (
  key_hash text not null,
  at timestamptz not null
);
create index login_failures_key_at on login_failures (key_hash, at);

-- Per action type: the text a new action starts from and whether starting needs a second centralist.
create table action_type_settings (
  type text primary key check (type in ('vermissing', 'diefstal', 'inbraak', 'overval', 'beroving',
    'doorrijden-na-aanrijding', 'verdachte-situatie', 'noodsituatie')),
  template text not null check (length(template) <= 1000),
  requires_approval boolean not null default false,
  updated_at timestamptz not null,
  updated_by uuid references staff (id)
);

-- A second centralist's approval of an action's current version (a revision needs a new approval).
create table action_approvals (
  action_id uuid not null references actions (id),
  action_version integer not null,
  approved_by uuid not null references staff (id),
  approved_at timestamptz not null,
  primary key (action_id, action_version)
);

-- Configuration that belongs in the database (changed by beheer at run time, audited).
create table portal_settings (
  key text primary key check (key ~ '^[a-z][a-z0-9-]*$'),
  value jsonb not null,
  updated_at timestamptz not null,
  updated_by uuid references staff (id)
);

create index audit_log_actor_at on audit_log (actor_id, at desc);
create index audit_log_at on audit_log (at desc);
