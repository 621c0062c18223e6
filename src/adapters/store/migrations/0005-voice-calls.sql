-- Voice calls. A voice delivery is claimed like an SMS one ('sending' while the call runs), ends 'delivered'
-- when answered and 'failed' when it could not be (after its retries); a retry puts it back in the queue
-- with the moment it may be called again. Every call placed is kept with its outcome.

-- What a call says: written for listening, where the SMS text is written for reading (null: speak the text).
alter table action_messages add column spoken_text text;

-- A queued delivery is not claimed before this moment (a retry after busy or no answer, a closing call at night).
alter table deliveries add column next_attempt_at timestamptz;
-- The last call's outcome and how long its message played (voice deliveries only).
alter table deliveries add column call_outcome text
  check (call_outcome in ('answered', 'busy', 'no-answer', 'rejected', 'failed', 'unavailable'));
alter table deliveries add column played_ms integer check (played_ms >= 0);

create table voice_calls (
  id bigint generated always as identity primary key,
  delivery_id bigint not null references deliveries (id),
  -- 1 for the first call of this delivery, then 2, 3… for retries.
  attempt integer not null check (attempt >= 1),
  outcome text not null check (outcome in ('answered', 'busy', 'no-answer', 'rejected', 'failed', 'unavailable')),
  sip_status integer check (sip_status between 100 and 699),
  played_ms integer not null default 0 check (played_ms >= 0),
  -- How often the callee pressed 1 to hear the message again.
  repeats integer not null default 0 check (repeats >= 0),
  reason text,
  started_at timestamptz not null,
  ended_at timestamptz not null
);
create index voice_calls_delivery on voice_calls (delivery_id);
