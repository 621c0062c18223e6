import { randomBytes } from 'node:crypto';
import type { CallOutcome } from '../../../app/ports/voice-channel.js';
import { hostForAddress } from '../../sip/sip-host.js';
import { newBranch } from '../../sip/sip-via.js';
import { newCallId, newTag, parseCSeq } from '../../sip/sip-ids.js';
import {
  headerListValues,
  headerValue,
  sipRequest,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from '../../sip/sip-message.js';
import { parseNameAddr } from '../../sip/sip-name-addr.js';
import { formatUri } from '../../sip/sip-uri.js';
import { digestAuthorization, parseDigestChallenge, type DigestCredentials } from './digest-auth.js';
import { formatSdpOffer, parseSdpAnswer, type SdpAnswer } from './sdp.js';
import type { ClientTransactions, TransactionEvent } from './sip-client-transactions.js';
import type { SipUaTransport } from './sip-ua-transport.js';

/** What a call needs from the user agent around it. */
export interface CallContext {
  readonly transport: SipUaTransport;
  readonly transactions: ClientTransactions;
  /** Request-URI and To domain. */
  readonly domain: string;
  readonly callerId: string;
  readonly callerName: string;
  /** Address for Via, Contact and SDP; null: the transport's local address. */
  readonly localHost: string | null;
  readonly credentials: DigestCredentials | null;
  readonly ringTimeoutMs: number;
  /** Waits after sending CANCEL, or BYE, for the far end to confirm (64 × T1). */
  readonly transactionTimeoutMs: number;
  /** Routes in-dialog requests (BYE from the callee, retransmitted 2xx) to this call while it lives. */
  readonly dialogs: Map<string, DialogHandler>;
}

export interface DialogHandler {
  /** The callee hung up (a BYE we already answered). */
  byeReceived(request: SipRequest): void;
  /** A 2xx to our INVITE came again: our ACK was lost. */
  okRetransmitted(response: SipResponse): void;
  /** Tags as we know them, to match an in-dialog request. */
  readonly localTag: string;
}

/** The media side: opened before the INVITE (the offer names its port), played once the call is answered. */
export interface CallMedia {
  readonly port: number;
  /** Plays until done or stopped; resolves with the audio sent and the repeats asked for. */
  play(
    answer: SdpAnswer,
  ): Promise<{ readonly playedMs: number; readonly repeats: number; readonly stoppedByCallee: boolean }>;
  /** The callee hung up. */
  stop(): void;
}

const USER_AGENT = 'Burgernet';

/**
 * One outbound call (RFC 3261 §13): INVITE with an SDP offer, digest authentication when challenged,
 * CANCEL after the ring timeout, ACK, media, and BYE from either side. Resolves with the outcome; never throws
 * for anything the network does.
 */
export async function placeSipCall(ctx: CallContext, to: string, media: CallMedia): Promise<CallOutcome> {
  await ctx.transport.connect();
  const local = ctx.transport.local();
  const localHost = ctx.localHost ?? local.address;
  const hostPart = hostForAddress(localHost);
  const transportParam = ctx.transport.kind === 'tcp' ? ';transport=tcp' : '';
  const callId = newCallId(hostPart);
  const localTag = newTag();
  const requestUri = `sip:${to}@${ctx.domain};user=phone`;
  const from = `"${ctx.callerName}" <sip:${ctx.callerId}@${ctx.domain}>;tag=${localTag}`;
  const contact = `<sip:burgernet@${hostPart}:${local.port}${transportParam}>`;
  const sdp = formatSdpOffer({
    address: localHost,
    port: media.port,
    sessionId: String(randomBytes(4).readUInt32BE(0)),
  });
  let cseq = 1;

  const via = () => ({
    name: 'Via',
    value: `SIP/2.0/${ctx.transport.kind.toUpperCase()} ${hostPart}:${local.port};branch=${newBranch()};rport`,
  });
  const common = (): SipHeader[] => [
    { name: 'Max-Forwards', value: '70' },
    { name: 'From', value: from },
  ];

  let authorization: SipHeader | null = null;
  const buildInvite = (): SipRequest =>
    sipRequest(
      'INVITE',
      requestUri,
      [
        via(),
        ...common(),
        { name: 'To', value: `<${requestUri}>` },
        { name: 'Call-ID', value: callId },
        { name: 'CSeq', value: `${cseq} INVITE` },
        { name: 'Contact', value: contact },
        { name: 'P-Asserted-Identity', value: `"${ctx.callerName}" <sip:${ctx.callerId}@${ctx.domain};user=phone>` },
        { name: 'Allow', value: 'INVITE, ACK, CANCEL, BYE, OPTIONS' },
        { name: 'User-Agent', value: USER_AGENT },
        ...(authorization === null ? [] : [authorization]),
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      sdp,
    );

  // The INVITE phase: resolves with its final response, or a timeout / transport failure.
  let invite = buildInvite();
  let challenged = false;
  let cancelled = false;
  for (;;) {
    const result = await inviteTransaction(ctx, invite, () => (cancelled = true));
    if (result.kind !== 'response') {
      return result.kind === 'timeout'
        ? { kind: 'unavailable', reason: 'no answer from the SIP trunk' }
        : { kind: 'unavailable', reason: `SIP trunk unreachable: ${result.error.message}` };
    }
    const response = result.response;
    const status = response.status;
    if ((status === 401 || status === 407) && !challenged && ctx.credentials !== null && !cancelled) {
      const header = status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
      const challenge = parseDigestChallenge(headerValue(response, header) ?? '');
      if (challenge === null)
        return { kind: 'failed', reason: 'authentication challenge not understood', sipStatus: status };
      challenged = true;
      cseq += 1;
      authorization = {
        name: status === 401 ? 'Authorization' : 'Proxy-Authorization',
        value: digestAuthorization({
          challenge,
          credentials: ctx.credentials,
          method: 'INVITE',
          uri: requestUri,
          nonceCount: 1,
        }),
      };
      invite = buildInvite();
      continue;
    }
    if (status >= 300) return failureOutcome(status, cancelled);
    return answered(response);
  }

  async function answered(ok: SipResponse): Promise<CallOutcome> {
    const remoteTo = headerValue(ok, 'To') ?? `<${requestUri}>`;
    let remoteTarget = requestUri;
    try {
      const contactValue = headerListValues(ok, 'Contact')[0];
      if (contactValue !== undefined) remoteTarget = formatUri(parseNameAddr(contactValue).uri);
    } catch {
      // A Contact we cannot read: the Request-URI still reaches the callee through the trunk.
      remoteTarget = requestUri;
    }
    const routes = headerListValues(ok, 'Record-Route').reverse();
    const dialogHeaders = (method: string, seq: number): SipHeader[] => [
      via(),
      ...common(),
      { name: 'To', value: remoteTo },
      { name: 'Call-ID', value: callId },
      { name: 'CSeq', value: `${seq} ${method}` },
      ...routes.map((value) => ({ name: 'Route', value })),
    ];
    const inviteSeq = parseCSeq(headerValue(ok, 'CSeq') ?? `${cseq} INVITE`).seq;
    const ack = sipRequest('ACK', remoteTarget, [
      ...dialogHeaders('ACK', inviteSeq),
      ...(authorization === null ? [] : [authorization]),
    ]);
    await ctx.transport.send(ack).catch(() => undefined);

    let byeFromCallee = false;
    ctx.dialogs.set(callId, {
      localTag,
      byeReceived: () => {
        byeFromCallee = true;
        media.stop();
      },
      okRetransmitted: () => void ctx.transport.send(ack).catch(() => undefined),
    });
    try {
      const bye = async () => {
        cseq = Math.max(cseq, inviteSeq) + 1;
        const request = sipRequest('BYE', remoteTarget, [
          ...dialogHeaders('BYE', cseq),
          { name: 'User-Agent', value: USER_AGENT },
        ]);
        const result = await transaction(ctx, request);
        if (
          result.kind === 'response' &&
          (result.response.status === 401 || result.response.status === 407) &&
          ctx.credentials !== null
        ) {
          const header = result.response.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
          const challenge = parseDigestChallenge(headerValue(result.response, header) ?? '');
          if (challenge !== null) {
            cseq += 1;
            const value = digestAuthorization({
              challenge,
              credentials: ctx.credentials,
              method: 'BYE',
              uri: remoteTarget,
              nonceCount: 1,
            });
            await transaction(
              ctx,
              sipRequest('BYE', remoteTarget, [
                ...dialogHeaders('BYE', cseq),
                { name: result.response.status === 401 ? 'Authorization' : 'Proxy-Authorization', value },
              ]),
            );
          }
        }
      };
      if (cancelled) {
        // Our CANCEL crossed the callee's answer: end the call we no longer want.
        await bye();
        return { kind: 'no-answer', sipStatus: null };
      }
      const sdpAnswer = parseSdpAnswer(ok.body);
      if (!sdpAnswer.ok) {
        await bye();
        return { kind: 'failed', reason: `media not agreed: ${sdpAnswer.reason}`, sipStatus: 200 };
      }
      const played = await media.play(sdpAnswer.answer);
      if (!byeFromCallee) await bye();
      return {
        kind: 'answered',
        playedMs: played.playedMs,
        repeats: played.repeats,
        hungUpBy: byeFromCallee ? 'callee' : 'us',
      };
    } finally {
      // Linger a little so that a retransmitted 2xx still gets its ACK and a repeated BYE its 200.
      setTimeout(() => ctx.dialogs.delete(callId), ctx.transactionTimeoutMs).unref();
    }
  }

  /**
   * Runs the INVITE transaction; after the ring timeout sends CANCEL (once something was heard from the far
   * end: §9.1 forbids it before a provisional response) and waits for the final response that follows.
   */
  function inviteTransaction(
    context: CallContext,
    request: SipRequest,
    markCancelled: () => void,
  ): Promise<TransactionEvent> {
    return new Promise((resolve) => {
      let provisional = false;
      let ringExpired = false;
      let done = false;
      let guard: NodeJS.Timeout | null = null;
      const cancel = () => {
        markCancelled();
        // A CANCEL that cannot be sent changes nothing: the guard below ends the wait either way.
        void context.transport
          .connect()
          .then(() => transaction(context, cancelFor(request)))
          .catch(() => undefined);
        // If no final response follows the CANCEL, the call is over anyway (§9.1: 64 × T1).
        guard = setTimeout(
          () =>
            finish({
              kind: 'response',
              response: {
                kind: 'response',
                status: 487,
                reason: 'Request Terminated',
                headers: [],
                body: Buffer.alloc(0),
              },
            }),
          context.transactionTimeoutMs,
        );
      };
      const ring = setTimeout(() => {
        ringExpired = true;
        if (provisional) cancel();
      }, context.ringTimeoutMs);
      const finish = (event: TransactionEvent) => {
        if (done) return;
        done = true;
        clearTimeout(ring);
        if (guard !== null) clearTimeout(guard);
        resolve(event);
      };
      context.transactions.send(request, (event) => {
        if (event.kind === 'response' && event.response.status < 200) {
          if (!provisional) {
            provisional = true;
            if (ringExpired) cancel();
          }
          return;
        }
        if (event.kind === 'response' && event.response.status < 300 && done) {
          // A retransmitted 2xx after we moved on: the dialog (if any) re-sends its ACK.
          context.dialogs.get(callId)?.okRetransmitted(event.response);
          return;
        }
        finish(event);
      });
    });
  }
}

function failureOutcome(status: number, cancelled: boolean): CallOutcome {
  if (status === 486 || status === 600) return { kind: 'busy', sipStatus: status };
  if (status === 480 || status === 408 || (status === 487 && cancelled))
    return { kind: 'no-answer', sipStatus: cancelled ? null : status };
  if (status === 603) return { kind: 'rejected', sipStatus: status };
  if (status === 503) return { kind: 'unavailable', reason: 'SIP trunk answered 503 Service Unavailable' };
  if (status === 401 || status === 407)
    return { kind: 'failed', reason: 'authentication refused by the SIP trunk', sipStatus: status };
  return { kind: 'failed', reason: `SIP ${status}`, sipStatus: status };
}

/** §9.1: CANCEL names the INVITE's Request-URI, Call-ID, From, To, CSeq number and top Via (branch and all). */
function cancelFor(invite: SipRequest): SipRequest {
  const seq = parseCSeq(headerValue(invite, 'CSeq') ?? '').seq;
  return sipRequest('CANCEL', invite.uri, [
    { name: 'Via', value: headerListValues(invite, 'Via')[0]! },
    { name: 'Max-Forwards', value: '70' },
    { name: 'From', value: headerValue(invite, 'From')! },
    { name: 'To', value: headerValue(invite, 'To')! },
    { name: 'Call-ID', value: headerValue(invite, 'Call-ID')! },
    { name: 'CSeq', value: `${seq} CANCEL` },
  ]);
}

/** A non-INVITE transaction as a promise of its final response (or timeout). */
function transaction(ctx: CallContext, request: SipRequest): Promise<TransactionEvent> {
  return new Promise((resolve) => {
    ctx.transactions.send(request, (event) => {
      if (event.kind === 'response' && event.response.status < 200) return;
      resolve(event);
    });
  });
}
