import { logReceiveBuffer } from '../../sip/udp-receive-buffer.js';
import type { Logger } from 'pino';
import type { SpeechSynthesizer } from '../../../app/ports/speech-synthesizer.js';
import type { CallOutcome, OutboundCall, VoiceChannel } from '../../../app/ports/voice-channel.js';
import { headerValue, type SipRequest } from '../../sip/sip-message.js';
import { parseNameAddr } from '../../sip/sip-name-addr.js';
import { createResponse } from '../../sip/sip-response.js';
import { CallLimiter } from './call-limiter.js';
import type { DigestCredentials } from './digest-auth.js';
import { RtpPlayer, SILENCE_BYTE, type RtpPortRange } from './rtp-player.js';
import { ClientTransactions, DEFAULT_SIP_TIMERS, type SipTimers } from './sip-client-transactions.js';
import { placeSipCall, type CallContext, type DialogHandler } from './sip-call.js';
import { openSipUaTransport, type Inbound, type SipUaTransport, type SipTransportKind } from './sip-ua-transport.js';

export interface SipVoiceChannelOptions {
  readonly trunkHost: string;
  readonly trunkPort: number;
  readonly transport: SipTransportKind;
  /** UDP: the receive buffer to ask the kernel for (default 4 MiB); what it got is logged. */
  readonly receiveBufferBytes?: number;
  /** Request-URI domain; the trunk host when empty. */
  readonly domain: string;
  /** Null: the trunk does not challenge (or we cannot answer and the call fails). */
  readonly credentials: DigestCredentials | null;
  /** E.164, e.g. +318000011. */
  readonly callerId: string;
  readonly callerName: string;
  /** Our address as the trunk sees it; null: the local address of the socket to the trunk. */
  readonly localHost: string | null;
  readonly localPort: number;
  readonly rtpPorts: RtpPortRange | null;
  readonly maxConcurrentCalls: number;
  readonly ringTimeoutMs: number;
  readonly maxCallMs: number;
  readonly timers?: SipTimers;
  /** Silence between the plays and before the closing. */
  readonly pauseMs?: number;
  /** Silence after the closing in which a 1 still repeats the message. */
  readonly listenAfterMs?: number;
  readonly maxRepeats?: number;
}

export interface SipVoiceChannel extends VoiceChannel {
  /** Calls holding a trunk line now, and the most at once since start. */
  readonly activeCalls: number;
  readonly peakCalls: number;
}

const DEFAULT_PLAYS = 2;

/**
 * A small SIP user agent (RFC 3261) that places calls through one trunk, speaks the text with the
 * synthesizer's audio over RTP and reports each call's outcome. Messages from the trunk are untrusted: they
 * are parsed within size limits, and one that cannot be read is answered 400 (requests) or dropped.
 */
export async function createSipVoiceChannel(
  options: SipVoiceChannelOptions,
  deps: { readonly synthesizer: SpeechSynthesizer; readonly logger: Logger },
): Promise<SipVoiceChannel> {
  const logger = deps.logger;
  const timers = options.timers ?? DEFAULT_SIP_TIMERS;
  const transport: SipUaTransport = await openSipUaTransport({
    kind: options.transport,
    host: options.trunkHost,
    port: options.trunkPort,
    localPort: options.localPort,
    ...(options.receiveBufferBytes === undefined ? {} : { receiveBufferBytes: options.receiveBufferBytes }),
  });
  if (transport.receiveBuffer !== null) logReceiveBuffer(logger, transport.receiveBuffer);
  const transactions = new ClientTransactions(transport, timers);
  const dialogs = new Map<string, DialogHandler>();
  const limiter = new CallLimiter(options.maxConcurrentCalls);
  const calls = new Set<Promise<CallOutcome>>();
  let closed = false;

  const context: CallContext = {
    transport,
    transactions,
    domain: options.domain || options.trunkHost,
    callerId: options.callerId,
    callerName: options.callerName,
    localHost: options.localHost,
    credentials: options.credentials,
    ringTimeoutMs: options.ringTimeoutMs,
    transactionTimeoutMs: 64 * timers.t1,
    dialogs,
  };

  const reply = (request: SipRequest, status: number) =>
    void transport
      .send(
        createResponse(request, status, {
          toTag: 'bn',
          headers: status === 405 ? [{ name: 'Allow', value: 'ACK, BYE, CANCEL, OPTIONS' }] : [],
        }),
      )
      .catch(() => undefined);

  function handleRequest(request: SipRequest): void {
    const dialog = dialogs.get(headerValue(request, 'Call-ID') ?? '');
    const inDialog = dialog !== undefined && tagOf(headerValue(request, 'To')) === dialog.localTag;
    switch (request.method) {
      case 'ACK':
        return;
      case 'BYE':
        if (!inDialog) return reply(request, 481);
        reply(request, 200);
        return dialog.byeReceived(request);
      case 'OPTIONS':
        return reply(request, 200);
      case 'CANCEL':
        return reply(request, 481);
      case 'INVITE':
        // We only call out; a re-INVITE would change media we do not renegotiate.
        return reply(request, inDialog ? 488 : 403);
      default:
        return reply(request, 405);
    }
  }

  transport.onInbound((inbound: Inbound) => {
    try {
      if (!inbound.ok) {
        const partial = inbound.error.partial;
        logger.warn({ code: inbound.error.code }, 'unreadable SIP message from the trunk');
        if (partial?.kind === 'request' && partial.method !== 'ACK' && headerValue(partial, 'Via') !== undefined)
          reply(partial, 400);
        return;
      }
      const message = inbound.message;
      if (message.kind === 'request') return handleRequest(message);
      if (!transactions.handleResponse(message) && message.status >= 200 && message.status < 300) {
        dialogs.get(headerValue(message, 'Call-ID') ?? '')?.okRetransmitted(message);
      }
    } catch (error) {
      // Whatever a peer sends must not take the user agent down.
      logger.warn({ err: error }, 'SIP message from the trunk dropped');
    }
  });

  async function call(outbound: OutboundCall): Promise<CallOutcome> {
    await limiter.acquire();
    let player: RtpPlayer | null = null;
    try {
      if (closed) return { kind: 'unavailable', reason: 'voice channel closed' };
      const [message, closing] = await Promise.all([
        deps.synthesizer.render(outbound.text),
        outbound.closing ? deps.synthesizer.render(outbound.closing) : Promise.resolve(null),
      ]);
      await transport.connect();
      const rtp = await RtpPlayer.open(transport.local().address.includes(':') ? '::' : '0.0.0.0', options.rtpPorts);
      player = rtp;
      const outcome = await placeSipCall(context, outbound.to, {
        port: rtp.port,
        play: async (answer) => {
          const law = answer.codec === 'PCMA' ? 'alaw' : 'ulaw';
          const result = await rtp.play(
            {
              address: answer.address,
              port: answer.port,
              payloadType: answer.payloadType,
              eventPayloadType: answer.eventPayloadType,
            },
            {
              message: message[law],
              plays: outbound.plays ?? DEFAULT_PLAYS,
              closing: closing === null ? null : closing[law],
              silenceByte: SILENCE_BYTE[answer.codec],
              pauseMs: options.pauseMs ?? 800,
              listenAfterMs: options.listenAfterMs ?? 2_000,
              maxRepeats: options.maxRepeats ?? 3,
              maxDurationMs: options.maxCallMs,
            },
          );
          return { playedMs: result.playedMs, repeats: result.repeats, stoppedByCallee: result.ended === 'stopped' };
        },
        stop: () => rtp.stop(),
      });
      logger.info(
        {
          callId: outbound.callId,
          outcome: outcome.kind,
          ...(outcome.kind === 'answered' ? { playedMs: outcome.playedMs } : {}),
        },
        'call ended',
      );
      return outcome;
    } catch (error) {
      logger.error({ err: error, callId: outbound.callId }, 'call could not be placed');
      return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      player?.close();
      limiter.release();
    }
  }

  return {
    maxConcurrentCalls: options.maxConcurrentCalls,
    get activeCalls() {
      return limiter.active;
    },
    get peakCalls() {
      return limiter.peak;
    },
    async prepare(texts) {
      await Promise.all(texts.map((t) => deps.synthesizer.render(t)));
    },
    placeCall(outbound) {
      const running = call(outbound);
      calls.add(running);
      void running.finally(() => calls.delete(running));
      return running;
    },
    async close() {
      closed = true;
      await Promise.all([...calls]);
      transactions.clear();
      await transport.close();
    },
  };
}

function tagOf(nameAddr: string | undefined): string | null {
  if (nameAddr === undefined) return null;
  try {
    return parseNameAddr(nameAddr).params.get('tag') ?? null;
  } catch {
    return null;
  }
}
