-- Browsers in which a staff member completed a login (password or single sign-on, and the second factor). The
-- browser keeps a random token in a cookie; only its SHA-256 is stored. Such a browser is not slowed down by
-- other people's failed logins for the account (only by its own), so guessing cannot keep the owner out.
create table staff_known_devices (
  token_hash text primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  check (expires_at > created_at)
);
create index staff_known_devices_staff on staff_known_devices (staff_id, created_at desc);
