-- Gebied verplaatsen: moving a live action's area is its own event for broadcast channels (a partner screen
-- redraws the area), beside a widening.
alter table action_events drop constraint action_events_kind_check;
alter table action_events add constraint action_events_kind_check
  check (kind in ('action.started', 'action.widened', 'action.area-moved', 'action.updated', 'action.closed', 'action.withdrawn'));
