import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { createNodeLease, type NodeLease } from '../app/cluster/node-lease.js';
import { createPeriodicJobs, type PeriodicJobs } from '../app/cluster/periodic-jobs.js';
import type { Store } from '../app/ports/stores.js';
import { runsWorkers, type NodeRole } from '../domain/cluster/node-role.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const CLUSTER_KEYS = ['NODE_ROLE', 'DISPATCH_LEASE_SECONDS'] as const;

export interface Cluster {
  readonly role: NodeRole;
  /** This node's lease on the work its workers claim; null on an API node (it claims nothing). */
  readonly lease: NodeLease | null;
  /** Periodic jobs that one node at a time does; null on an API node (it does none). */
  readonly periodic: PeriodicJobs | null;
}

/**
 * This node's place in the cluster: its role, its workers' lease (taken before any worker starts, given up after
 * they stopped), and the periodic jobs it may take turns at.
 */
export function clusterComponent(
  config: Section<typeof CLUSTER_KEYS>,
  deps: { readonly store: Store; readonly logger: Logger },
): Component<Cluster> {
  return {
    name: 'cluster',
    async start() {
      const logger = deps.logger.child({ component: 'cluster' });
      const role = config.NODE_ROLE;
      const node = `${hostname()}:${process.pid}`;
      const lease = runsWorkers(role)
        ? createNodeLease(
            { store: deps.store, logger, newWorkerId: () => `${node}:${randomUUID()}` },
            { node, role, leaseMs: config.DISPATCH_LEASE_SECONDS * 1000 },
          )
        : null;
      await lease?.start();
      const periodic = lease === null ? null : createPeriodicJobs({ store: deps.store, logger, lease });
      logger.info(
        { role, node, workerId: lease?.workerId ?? null, single: lease?.single ?? null },
        'node started in the cluster',
      );
      return { value: { role, lease, periodic }, stop: async () => lease?.stop() };
    },
  };
}
