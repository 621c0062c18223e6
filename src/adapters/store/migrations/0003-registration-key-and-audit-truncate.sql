-- A registration without a house-number addition is the same registration when entered twice: treat NULL
-- additions as equal in the key. And the audit log refuses TRUNCATE as it refuses UPDATE and DELETE.
alter table registrations drop constraint registrations_participant_id_msisdn_postcode_house_number_h_key;
alter table registrations add constraint registrations_same_address_once
  unique nulls not distinct (participant_id, msisdn, postcode, house_number, house_number_addition);

create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
