import { logReceiveBuffer, type UdpReceiveBuffer } from '../sip/udp-receive-buffer.js';
import type { Logger } from 'pino';
import type { RouteCaller } from '../../app/call-routing/route-caller.js';
import { newTag } from '../sip/sip-ids.js';
import { headerValue, type SipLimits, type SipMessage, type SipRequest } from '../sip/sip-message.js';
import { SipParseError } from '../sip/sip-parse-error.js';
import { responseDestination } from './sip-response-destination.js';
import { createResponse } from '../sip/sip-response.js';
import { startSipRedirectTransport, type SipPeer } from './sip-redirect-transport.js';
import { parseUri } from '../sip/sip-uri.js';
import type { AddressAllowList } from './address-allow-list.js';
import { callerOf } from './caller-number.js';
import { contactUriOf } from './contact-uri.js';
import { InviteTransactions, defaultSipTimers, transactionKey, type SipTimers } from './invite-transactions.js';

export interface SipRedirectServerOptions {
  readonly host: string;
  /** 0: any free port (tests). */
  readonly port: number;
  readonly limits: SipLimits;
  readonly allowed: AddressAllowList;
  readonly maxTransactions: number;
  readonly timers?: SipTimers;
  /** The UDP socket's receive buffer to ask the kernel for (SIP_UDP_RECEIVE_BUFFER_BYTES); what it got is logged. */
  readonly receiveBufferBytes?: number;
}

export interface SipRedirectServerDeps {
  readonly routeCaller: RouteCaller;
  readonly logger: Logger;
}

/** What the server did, counted since it started (for tests, the benchmark and operations). */
export interface RedirectStats {
  invites: number;
  redirected: number;
  retransmissions: number;
  acks: number;
  /** Well-formed requests answered with an error status (405, 420, 481, 501, 503…). */
  rejected: number;
  /** Malformed requests answered with 400. */
  badRequests: number;
  /** Input that could not be answered (no usable Via, oversized, a broken stream, stray ACKs and responses). */
  dropped: number;
  /** Datagrams and connections from addresses not on the allow-list: dropped unanswered. */
  refused: number;
}

export interface SipRedirectServer {
  readonly host: string;
  readonly port: number;
  /** The UDP receive buffer asked for and what the kernel gave (also logged at start). */
  readonly receiveBuffer: UdpReceiveBuffer;
  readonly stats: Readonly<RedirectStats>;
  close(): Promise<void>;
}

const ALLOW = 'INVITE, ACK, CANCEL, OPTIONS';
/** Methods we know but do not serve: 405 with Allow (§8.2.1); anything else is 501. */
const KNOWN_METHODS = new Set([
  'REGISTER',
  'SUBSCRIBE',
  'NOTIFY',
  'MESSAGE',
  'INFO',
  'UPDATE',
  'PRACK',
  'REFER',
  'PUBLISH',
]);
/** Everything a response needs to reach the client and be matched (§8.2.6). */
const RESPONSE_HEADERS = ['Via', 'From', 'To', 'Call-ID', 'CSeq'];

/**
 * The 0800-0011 redirect server (RFC 3261 §8.3): every INVITE is answered with 302 Moved Temporarily whose
 * Contact is the routing target of the meldkamer the caller should reach. Only the platform's addresses
 * are served: anything else is dropped without an answer (no reflection of spoofed UDP, nothing to learn
 * for a scanner).
 */
export async function startSipRedirectServer(
  options: SipRedirectServerOptions,
  deps: SipRedirectServerDeps,
): Promise<SipRedirectServer> {
  const stats: RedirectStats = {
    invites: 0,
    redirected: 0,
    retransmissions: 0,
    acks: 0,
    rejected: 0,
    badRequests: 0,
    dropped: 0,
    refused: 0,
  };
  const log = deps.logger;
  let send: (message: SipMessage, peer: SipPeer) => void = () => undefined;
  const transactions = new InviteTransactions({
    timers: options.timers ?? defaultSipTimers,
    maxTransactions: options.maxTransactions,
    send: (m, p) => send(m, p),
  });
  const reject = (
    request: SipRequest,
    peer: SipPeer,
    status: number,
    extra: { name: string; value: string }[] = [],
  ) => {
    stats.rejected++;
    send(createResponse(request, status, { toTag: newTag(), headers: extra }), peer);
  };

  const onInvite = (request: SipRequest, peer: SipPeer) => {
    stats.invites++;
    const key = transactionKey(request);
    if (key === null) {
      stats.badRequests++;
      send(createResponse(request, 400, { toTag: newTag() }), peer);
      return;
    }
    if (transactions.retransmission(key, () => createResponse(request, 100))) {
      stats.retransmissions++;
      return;
    }
    const require = headerValue(request, 'Require');
    if (require !== undefined) return reject(request, peer, 420, [{ name: 'Unsupported', value: require }]);
    if (transactions.full) return reject(request, peer, 503, [{ name: 'Retry-After', value: '5' }]);
    transactions.begin(key, peer);
    const transport = peer.transport === 'udp' ? 'sip-udp' : 'sip-tcp';
    deps.routeCaller(callerOf(request), transport).then(
      (decision) => {
        stats.redirected++;
        log.debug(
          { reason: decision.reason, meldkamer: decision.meldkamerCode, actionId: decision.actionId, transport },
          'call redirected',
        );
        const contact = { name: 'Contact', value: `<${contactUriOf(decision.target)}>` };
        transactions.complete(key, createResponse(request, 302, { toTag: newTag(), headers: [contact] }));
      },
      (error: unknown) => {
        log.error({ err: error }, 'call routing failed');
        stats.rejected++;
        transactions.complete(key, createResponse(request, 500, { toTag: newTag() }));
      },
    );
  };

  const onRequest = (request: SipRequest, peer: SipPeer) => {
    const uriProblem = request.method === 'ACK' ? null : requestUriProblem(request.uri);
    if (uriProblem !== null) {
      if (uriProblem === 400) stats.badRequests++;
      return uriProblem === 416
        ? reject(request, peer, 416)
        : send(createResponse(request, 400, { toTag: newTag(), reason: 'Bad Request (sip.bad-uri)' }), peer);
    }
    switch (request.method) {
      case 'INVITE':
        return onInvite(request, peer);
      case 'ACK': {
        const key = transactionKey(request);
        if (key !== null && transactions.acknowledge(key)) stats.acks++;
        else stats.dropped++;
        return;
      }
      case 'CANCEL': {
        // We answer at once, so a CANCEL finds the INVITE answered: 200 for the CANCEL, nothing else (§9.2).
        const key = transactionKey(request);
        if (key !== null && transactions.has(key)) send(createResponse(request, 200, { toTag: newTag() }), peer);
        else reject(request, peer, 481);
        return;
      }
      case 'OPTIONS':
        send(
          createResponse(request, 200, {
            toTag: newTag(),
            headers: [
              { name: 'Allow', value: ALLOW },
              { name: 'Accept', value: 'application/sdp' },
            ],
          }),
          peer,
        );
        return;
      case 'BYE':
        // A redirect server has no dialogs.
        return reject(request, peer, 481);
      default:
        if (KNOWN_METHODS.has(request.method)) return reject(request, peer, 405, [{ name: 'Allow', value: ALLOW }]);
        return reject(request, peer, 501);
    }
  };

  const onInvalid = (error: SipParseError, peer: SipPeer) => {
    const partial = error.partial;
    const answerable =
      partial?.kind === 'request' &&
      partial.method !== 'ACK' &&
      error.code !== 'sip.too-large' &&
      RESPONSE_HEADERS.every((name) => headerValue(partial, name) !== undefined);
    log.debug({ code: error.code, transport: peer.transport, answered: answerable }, 'malformed SIP message');
    if (!answerable) {
      stats.dropped++;
      return;
    }
    stats.badRequests++;
    send(createResponse(partial, 400, { toTag: newTag(), reason: `Bad Request (${error.code})` }), peer);
  };

  const transport = await startSipRedirectTransport({
    host: options.host,
    port: options.port,
    limits: options.limits,
    ...(options.receiveBufferBytes === undefined ? {} : { receiveBufferBytes: options.receiveBufferBytes }),
    accept(peer) {
      if (options.allowed(peer.address)) return true;
      stats.refused++;
      return false;
    },
    onMessage(message, peer) {
      if (message.kind === 'response') {
        stats.dropped++;
        return;
      }
      try {
        onRequest(message, responseDestination(message, peer));
      } catch (error) {
        // A bug in handling one request must not end the server for every other caller.
        log.error({ err: error, method: message.method }, 'SIP request handling failed');
      }
    },
    onInvalid(error, peer) {
      try {
        onInvalid(error, error.partial === undefined ? peer : responseDestination(error.partial, peer));
      } catch (failure) {
        log.error({ err: failure }, 'answering a malformed SIP message failed');
      }
    },
    onError(error) {
      log.error({ err: error }, 'SIP socket error');
    },
  });
  send = (message, peer) => {
    transport.send(message, peer);
  };
  log.info({ host: transport.host, port: transport.port }, 'SIP redirect server listening (UDP and TCP)');
  logReceiveBuffer(log, transport.receiveBuffer);

  return {
    host: transport.host,
    port: transport.port,
    receiveBuffer: transport.receiveBuffer,
    stats,
    async close() {
      transactions.close();
      await transport.close();
    },
  };
}

/** 416 for a scheme other than sip, sips or tel (§8.2.2.1), 400 for a malformed URI, else null. */
function requestUriProblem(uri: string): 400 | 416 | null {
  try {
    parseUri(uri);
    return null;
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
    return /^(sips?|tel):/i.test(uri) ? 400 : 416;
  }
}
