-- Cluster: every node's workers hold a lease that they renew; work claimed by a worker whose lease ran out is
-- taken back by the others, and a worker that lost its lease stores none of the results of that work (fencing).
-- Times here are wall-clock times of the nodes (kept in step by NTP), not the application's clock.
create table worker_leases (
  worker_id text primary key,
  node text not null,
  role text not null check (role in ('all', 'api', 'worker')),
  started_at timestamptz not null,
  expires_at timestamptz not null
);

-- Periodic jobs (housekeeping, dashboard refresh, retention): whichever node takes a job's next run does it; the
-- others see the run taken and skip it, so a job runs on one node at a time per interval.
create table periodic_job_runs (
  job text primary key,
  next_run_at timestamptz not null,
  taken_by text,
  taken_at timestamptz
);
