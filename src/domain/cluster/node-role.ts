/**
 * What a node of the cluster does. Every node is the same program:
 * - `all`: the API and pages, and every worker (the embedded default: one process does everything);
 * - `api`: the API, pages and the 0800-0011 redirect server; no workers, so it can be scaled for requests;
 * - `worker`: the workers (targeting, SMS, voice, push fan-out, mail, broadcast) and periodic jobs; HTTP only for
 *   its health, so it can be scaled for sending.
 */
export type NodeRole = 'all' | 'api' | 'worker';

export const NODE_ROLES: readonly NodeRole[] = ['all', 'api', 'worker'];

export const servesHttp = (role: NodeRole): boolean => role !== 'worker';
export const runsWorkers = (role: NodeRole): boolean => role !== 'api';
