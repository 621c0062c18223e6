-- Receipts that cannot lie (docs/features/sms-smpp.md). An SMSC numbers its messages itself and hands a number out
-- again after a restart (another SMSC uses the same numbers), so an SMS part is known by the SMSC connection profile
-- it went to and that SMSC's message id, and a receipt is matched only to a part submitted there before it, within a
-- window. A receipt that cannot be matched with certainty is set aside in unmatched_receipts, never credited.

-- Parts stored before this migration went to the one SMSC there was; their profile name is not known ('').
alter table sms_parts drop constraint sms_parts_pkey;
alter table sms_parts add column id bigint generated always as identity primary key;
alter table sms_parts add column smsc text not null default '';
alter table sms_parts alter column smsc drop default;
alter table sms_parts add column submitted_at timestamptz;
update sms_parts p set submitted_at = coalesce(d.submitted_at, p.updated_at) from deliveries d where d.id = p.delivery_id;
alter table sms_parts alter column submitted_at set not null;
-- How many parts the SMS has, and the concatenation reference (UDH) they share: a delivery is delivered when every
-- part is, and an attempt cut short is resumed with the parts not acknowledged, under the same reference.
alter table sms_parts add column parts smallint;
update sms_parts p set parts = n.parts
  from (select delivery_id, max(part) as parts from sms_parts group by delivery_id) n
  where n.delivery_id = p.delivery_id;
alter table sms_parts alter column parts set not null;
alter table sms_parts add column concat_reference integer check (concat_reference between 0 and 65535);
alter table sms_parts add constraint sms_parts_part_of_parts check (part between 1 and parts);
create index sms_parts_smsc_reference on sms_parts (smsc, reference, submitted_at);

-- Receipts whose part may not be stored yet (they overtook its submit result), per SMSC.
alter table pending_receipts drop constraint pending_receipts_pkey;
alter table pending_receipts add column id bigint generated always as identity primary key;
alter table pending_receipts add column smsc text not null default '';
alter table pending_receipts alter column smsc drop default;
create index pending_receipts_smsc_reference on pending_receipts (smsc, reference);

-- Receipts that matched no part with certainty: none within the window, or more than one waiting for a receipt.
-- Kept (they hold no personal data) and counted in the progress of the actions they could be for.
create table unmatched_receipts (
  id bigint generated always as identity primary key,
  smsc text not null,
  reference text not null,
  status text not null check (status in ('delivered', 'failed', 'expired')),
  received_at timestamptz not null,
  reason text not null check (reason in ('ambiguous', 'no-part')),
  candidate_parts bigint[] not null default '{}',
  candidate_actions uuid[] not null default '{}',
  set_aside_at timestamptz not null
);
create index unmatched_receipts_candidate_actions on unmatched_receipts using gin (candidate_actions);
