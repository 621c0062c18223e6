import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import { createRouteCaller, type RouteCaller } from '../app/call-routing/route-caller.js';
import { createAddressAllowList, type AddressAllowList } from '../adapters/call-routing/address-allow-list.js';
import { startSipRedirectServer, type SipRedirectServer } from '../adapters/call-routing/sip-redirect-server.js';
import type { CallRoutedEvents } from '../adapters/events/in-process-call-routed-events.js';
import { createBatchedCallRoutingLog, type BatchedCallRoutingLog } from '../adapters/store/batched-call-routing-log.js';
import type { Database } from '../adapters/store/database/database.js';
import { createSqlCallRoutingRepository } from '../adapters/store/sql-call-routing-repository.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const CALL_ROUTING_KEYS = [
  'REDIRECT_SIP_HOST',
  'REDIRECT_SIP_PORT',
  'SIP_UDP_RECEIVE_BUFFER_BYTES',
  'REDIRECT_ALLOWED_ADDRESSES',
  'REDIRECT_NATIONAL_TARGET',
  'REDIRECT_LOOKBACK_HOURS',
  'REDIRECT_LOOKUP_TIMEOUT_MS',
  'REDIRECT_MAX_CONCURRENT_LOOKUPS',
  'REDIRECT_MAX_MESSAGE_BYTES',
  'REDIRECT_HTTP_TOKEN',
] as const;

/** Routing decisions are written in batches of at most this many, this often; beyond the pending limit they are dropped (and counted). */
const LOG_FLUSH_INTERVAL_MS = 50;
const LOG_MAX_BATCH = 500;
const LOG_MAX_PENDING = 100_000;
/** Limits on what a SIP peer may send us. */
const SIP_MAX_HEADERS = 64;
const SIP_MAX_HEADER_LINE_BYTES = 2_048;
const SIP_MAX_TRANSACTIONS = 50_000;

export interface CallRouting {
  readonly routeCaller: RouteCaller;
  readonly redirectServer: SipRedirectServer;
  /** "A call was routed via 0800-0011 for action X", for live views. */
  readonly events: CallRoutedEvents;
  /** Where routing decisions are recorded (in batches); `flush` writes what is pending. */
  readonly log: BatchedCallRoutingLog;
  /** The telephony platform's addresses. */
  readonly allowed: AddressAllowList;
  /** The HTTP form of the decision, when a token for the platform is configured. */
  readonly httpToken: string | undefined;
}

/** 0800-0011: the routing decision, served as a SIP redirect server (and over HTTP by the API component). */
export function callRoutingComponent(
  config: Section<typeof CALL_ROUTING_KEYS>,
  deps: {
    readonly database: Database;
    readonly clock: Clock;
    readonly logger: Logger;
    /** Where routed calls are told: this process's consoles, and over the relays the other nodes'. */
    readonly events: CallRoutedEvents;
  },
): Component<CallRouting> {
  return {
    name: 'call-routing',
    async start() {
      const logger = deps.logger.child({ component: 'call-routing' });
      const { events } = deps;
      const log = createBatchedCallRoutingLog(
        deps.database,
        { flushIntervalMs: LOG_FLUSH_INTERVAL_MS, maxBatch: LOG_MAX_BATCH, maxPending: LOG_MAX_PENDING },
        logger,
      );
      const routeCaller = createRouteCaller(
        { calls: createSqlCallRoutingRepository(deps.database), log, clock: deps.clock, listener: events, logger },
        {
          lookbackMs: config.REDIRECT_LOOKBACK_HOURS * 3_600_000,
          nationalTarget: config.REDIRECT_NATIONAL_TARGET,
          lookupTimeoutMs: config.REDIRECT_LOOKUP_TIMEOUT_MS,
          maxConcurrentLookups: config.REDIRECT_MAX_CONCURRENT_LOOKUPS,
        },
      );
      const allowed = createAddressAllowList(config.REDIRECT_ALLOWED_ADDRESSES);
      const redirectServer = await startSipRedirectServer(
        {
          host: config.REDIRECT_SIP_HOST,
          port: config.REDIRECT_SIP_PORT,
          limits: {
            maxMessageBytes: config.REDIRECT_MAX_MESSAGE_BYTES,
            maxHeaders: SIP_MAX_HEADERS,
            maxHeaderLineBytes: SIP_MAX_HEADER_LINE_BYTES,
          },
          allowed,
          maxTransactions: SIP_MAX_TRANSACTIONS,
          receiveBufferBytes: config.SIP_UDP_RECEIVE_BUFFER_BYTES,
        },
        { routeCaller, logger: deps.logger.child({ component: 'sip-redirect' }) },
      );
      return {
        value: { routeCaller, redirectServer, events, log, allowed, httpToken: config.REDIRECT_HTTP_TOKEN },
        async stop() {
          await redirectServer.close();
          await log.close();
        },
      };
    },
  };
}
