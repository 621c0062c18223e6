-- Burgernetmail: gemeenten and police mail participants with a confirmed address (buurtonderzoek, warnings, tips,
-- invitations, newsletters) from templates, to an audience (area, postcodes, gemeente) within their own scope.
-- Each recipient is a row queued before anything is sent, like a delivery; a worker claims them at a lower
-- priority than any Burgernetactie. Answers to a buurtonderzoek come back through a personal, time-limited link.

-- A hard bounce stops mail to the address. Cleared when the participant changes the address (the trigger below),
-- so a corrected address gets mail again.
alter table participants add column email_bounced_at timestamptz;

create function participants_email_changed() returns trigger language plpgsql as $$
begin
  if new.email is distinct from old.email then
    new.email_bounced_at := null;
  end if;
  return new;
end;
$$;
create trigger participants_email_changed before update of email on participants
  for each row execute function participants_email_changed();

-- Templates (sjablonen) per kind. National ones (owner 'landelijk') are the defaults every organisation sees;
-- a gemeente or meldkamer keeps its own beside them.
create table mail_templates (
  id uuid primary key,
  kind text not null check (kind in ('buurtonderzoek', 'verdachte-situatie', 'preventietips', 'uitnodiging', 'nieuwsbrief')),
  owner_kind text not null check (owner_kind in ('landelijk', 'gemeente', 'meldkamer')),
  owner_code text,
  name text not null check (length(name) between 1 and 100),
  subject text not null check (length(subject) between 1 and 150),
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by uuid references staff (id),
  check ((owner_kind = 'landelijk') = (owner_code is null)),
  check (owner_code is null or owner_code ~ '^(GM[0-9]{4}|RE[0-9]{2})$')
);
create index mail_templates_owner on mail_templates (owner_kind, owner_code);

-- What an organisation puts on its mails: the name beside Burgernet in From, and where replies go.
create table mail_senders (
  owner_kind text not null check (owner_kind in ('landelijk', 'gemeente', 'meldkamer')),
  owner_code text not null,
  sender_name text check (sender_name is null or length(sender_name) between 1 and 80),
  reply_to text check (reply_to is null or length(reply_to) between 3 and 254),
  updated_at timestamptz not null,
  updated_by uuid references staff (id),
  primary key (owner_kind, owner_code)
);

-- One mail. Its text is copied from the template when it is written (a later change of the template does not change
-- a mail). The figures are kept on the row, in the same transaction as each recipient's change, so that pages and the
-- dashboard read them without counting recipients.
create table mails (
  id uuid primary key,
  number text not null unique,
  kind text not null check (kind in ('buurtonderzoek', 'verdachte-situatie', 'preventietips', 'uitnodiging', 'nieuwsbrief')),
  template_id uuid references mail_templates (id) on delete set null,
  owner_kind text not null check (owner_kind in ('landelijk', 'gemeente', 'meldkamer')),
  owner_code text,
  subject text not null,
  body text not null,
  fields jsonb not null default '{}'::jsonb,
  audience jsonb not null,
  status text not null check (status in ('draft', 'scheduled', 'queuing', 'sending', 'sent', 'stopped')),
  scheduled_at timestamptz,
  answer_days integer not null check (answer_days between 1 and 90),
  created_at timestamptz not null,
  created_by uuid not null references staff (id),
  created_by_name text not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  send_requested_at timestamptz,
  send_requested_by uuid references staff (id),
  queuing_by text,
  queuing_at timestamptz,
  queued_at timestamptz,
  finished_at timestamptz,
  stopped_at timestamptz,
  stopped_by uuid references staff (id),
  -- The gemeenten the recipients live in (their matched address): whose safety staff see the answers.
  gemeente_codes text[] not null default '{}',
  recipients integer not null default 0,
  sent integer not null default 0,
  delivered integer not null default 0,
  bounced integer not null default 0,
  failed integer not null default 0,
  skipped integer not null default 0,
  cancelled integer not null default 0,
  unsubscribed integer not null default 0,
  answered integer not null default 0,
  check ((owner_kind = 'landelijk') = (owner_code is null)),
  check ((status = 'scheduled') <= (scheduled_at is not null))
);
create sequence mail_number_seq;
create index mails_owner_created on mails (owner_kind, owner_code, created_at desc);
create index mails_due on mails (scheduled_at) where status = 'scheduled';
create index mails_queuing on mails (queuing_at) where status = 'queuing';

-- One mail to one participant: queued → sending → sent → delivered | bounced, or failed, skipped (no longer
-- a confirmed address by the time it was its turn), cancelled (the mail was stopped). The address is read from
-- the participant when it is sent; only a keyed hash of it is kept (an unsubscribe is checked against it).
create table mail_recipients (
  id bigint generated always as identity primary key,
  mail_id uuid not null references mails (id) on delete cascade,
  participant_id uuid references participants (id) on delete set null,
  gemeente_code text,
  status text not null check (status in ('queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  failure_reason text,
  email_hash text,
  smtp_message_id text,
  queued_at timestamptz not null,
  claimed_at timestamptz,
  claimed_by text,
  sent_at timestamptz,
  final_at timestamptz,
  bounce_kind text check (bounce_kind in ('hard', 'soft')),
  unsubscribed_at timestamptz,
  unique (mail_id, participant_id)
);
-- The work queue (oldest first over all mails), the claims in flight, and what a mail still has open.
create index mail_recipients_queued on mail_recipients (id) where status = 'queued';
create index mail_recipients_in_flight on mail_recipients (claimed_at) where status = 'sending';
create index mail_recipients_open on mail_recipients (mail_id) where status in ('queued', 'sending');
create index mail_recipients_participant on mail_recipients (participant_id);

-- "Ik heb iets gezien": an answer to a buurtonderzoek through a recipient's personal link.
create table mail_answers (
  id uuid primary key,
  mail_id uuid not null references mails (id) on delete cascade,
  recipient_id bigint references mail_recipients (id) on delete set null,
  text text not null check (length(text) between 1 and 4000),
  seen_when text check (seen_when is null or length(seen_when) <= 200),
  seen_where text check (seen_where is null or length(seen_where) <= 200),
  photo_key text,
  photo_content_type text check (photo_content_type in ('image/jpeg', 'image/webp')),
  photo_width integer,
  photo_height integer,
  photo_bytes integer,
  contact_name text check (contact_name is null or length(contact_name) <= 200),
  contact_phone text check (contact_phone is null or length(contact_phone) <= 30),
  contact_email text check (contact_email is null or length(contact_email) <= 254),
  received_at timestamptz not null
);
create index mail_answers_mail on mail_answers (mail_id, received_at);
create index mail_answers_recipient on mail_answers (recipient_id);
