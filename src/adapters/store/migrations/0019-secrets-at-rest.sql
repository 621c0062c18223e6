-- Secrets at rest: TOTP seeds (also those waiting for their first code) and the signing secrets are sealed with
-- AES-256-GCM under a data key per column (src/adapters/crypto/envelope-encryption.ts). The data keys are kept
-- here only wrapped under a key-encryption key from the configuration (SECRETS_KEY), named by its fingerprint
-- (kek_id), so that a copy of the database alone opens none of them. Rotating SECRETS_KEY wraps these few rows
-- anew; the sealed values stay as they are (docs/security.md, "Rotating the secrets key").
create table data_keys (
  id text primary key check (id ~ '^[A-Za-z0-9_-]{12,64}$'),
  purpose text not null unique
    check (purpose in ('staff.totp_secret', 'staff_sessions.pending_totp_secret', 'signing_secrets.secret')),
  kek_id text not null check (kek_id ~ '^[0-9a-f]{16}$'),
  wrapped_key text not null,
  created_at timestamptz not null,
  wrapped_at timestamptz not null
);

-- From now on only sealed values (bn1.<data key>.<iv>.<ciphertext>) may be written. NOT VALID: rows written before
-- are sealed by the application at its first start with this migration (seal-plaintext-secrets.ts), before it
-- serves; an older process still writing plaintext is refused.
alter table staff
  add constraint staff_totp_secret_sealed check (totp_secret is null or totp_secret like 'bn1.%') not valid;
alter table staff_sessions
  add constraint staff_sessions_pending_totp_secret_sealed
  check (pending_totp_secret is null or pending_totp_secret like 'bn1.%') not valid;
alter table signing_secrets
  add constraint signing_secrets_secret_sealed check (secret like 'bn1.%') not valid;
