-- Two SMSCs with failover (docs/features/sms-smpp.md). An SMS cut short on one SMSC while that SMSC is down is sent
-- whole on another; the parts of the first attempt stay under their SMSC, superseded: they settle nothing, and a
-- late receipt for one of them is a repeat, never credited elsewhere.
alter table sms_parts drop constraint sms_parts_status_check;
alter table sms_parts add constraint sms_parts_status_check
  check (status in ('submitted', 'delivered', 'failed', 'expired', 'superseded'));
