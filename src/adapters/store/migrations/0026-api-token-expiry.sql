-- API tokens expire (security finding 10): chosen when the token is made (API_TOKEN_DAYS by default, at most a
-- year), refused after it. Tokens made before this migration get their creation plus 90 days.
alter table api_tokens add column expires_at timestamptz;
update api_tokens set expires_at = created_at + interval '90 days';
alter table api_tokens alter column expires_at set not null;
alter table api_tokens add constraint api_tokens_expire_within_a_year
  check (expires_at <= created_at + interval '366 days') not valid;
