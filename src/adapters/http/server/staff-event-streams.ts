import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { Staff } from '../../../domain/staff/staff.js';
import { sendProblem } from './problem.js';
import type { StaffCredential } from './staff-credential.js';

/** A server-sent-event response of one staff member, open until the client leaves or the server ends it. */
export interface EventStream {
  /** Aborted once the stream is over: the client left, the handler ended it, or its session or rights did. */
  readonly signal: AbortSignal;
  /** `data`: JSON text; `id`: for Last-Event-ID when the browser reconnects. */
  event(name: string, data: string, id?: number): void;
  /** A comment line: keeps proxies from closing a quiet connection. */
  comment(text: string): void;
  end(): void;
}

/** Why the server ends a staff member's streams before they leave. */
export type StreamEndReason = 'session-ended' | 'rights-changed';

/**
 * Every open event stream of staff (progress, tips, routed calls, import progress). A stream lives only as
 * long as what let it in: each few seconds the session or token behind the open streams is checked (without
 * counting as activity), and logout or revocation ends them at once where the HTTP layer sees it happen.
 * Streams with a still-valid session whose role or scope changed end too; the browser reconnects with the
 * new rights. One staff member may have `maxPerStaff` open at once.
 */
export interface StaffEventStreams {
  readonly maxPerStaff: number;
  /** Opens the request's stream (headers written, reply hijacked), or null when the staff member has too many. */
  open(request: FastifyRequest, reply: FastifyReply): EventStream | null;
  /** Logout: ends this session's streams now. */
  endSession(idHash: string): void;
  /** Revocation, reset or a new role: ends every stream of the staff member now. */
  endStaff(staffId: string, reason: StreamEndReason): void;
  /** Stopping: ends every stream and the checks. */
  close(): void;
}

export interface StaffEventStreamsOptions {
  readonly maxPerStaff: number;
  readonly checkIntervalMs: number;
  /** Whom the credential stands for now; null: it no longer works. */
  readonly staffOf: (credential: StaffCredential) => Promise<Staff | null>;
  /** A check that could not be made (the database away): the streams stay open until the next one. */
  readonly onCheckFailed: (error: unknown) => void;
}

interface OpenStream {
  readonly staff: Staff;
  readonly credential: StaffCredential;
  finish(reason: StreamEndReason | 'done' | 'client-left'): void;
}

const credentialKey = (c: StaffCredential) => (c.kind === 'session' ? `s:${c.idHash}` : `t:${c.tokenHash}`);

function sameRights(a: Staff, b: Staff): boolean {
  return a.role === b.role && JSON.stringify(a.scope) === JSON.stringify(b.scope);
}

export function createStaffEventStreams(options: StaffEventStreamsOptions): StaffEventStreams {
  const streams = new Set<OpenStream>();
  let timer: NodeJS.Timeout | null = null;
  let checking = false;

  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    try {
      const byCredential = new Map<string, OpenStream[]>();
      for (const s of streams) {
        const key = credentialKey(s.credential);
        byCredential.set(key, [...(byCredential.get(key) ?? []), s]);
      }
      for (const group of byCredential.values()) {
        let staff: Staff | null;
        try {
          staff = await options.staffOf(group[0]!.credential);
        } catch (error) {
          options.onCheckFailed(error);
          continue;
        }
        for (const s of group) {
          if (staff === null) s.finish('session-ended');
          else if (!sameRights(staff, s.staff)) s.finish('rights-changed');
        }
      }
    } finally {
      checking = false;
    }
  }

  function track(entry: OpenStream): void {
    streams.add(entry);
    if (timer === null) {
      timer = setInterval(() => void check(), options.checkIntervalMs);
      timer.unref();
    }
  }

  function untrack(entry: OpenStream): boolean {
    if (!streams.delete(entry)) return false;
    if (streams.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
    return true;
  }

  return {
    maxPerStaff: options.maxPerStaff,
    open(request, reply) {
      const staff = request.staff;
      const credential = request.staffCredential;
      if (staff === null || credential === null) throw new Error('event stream without an authenticated staff member');
      if ([...streams].filter((s) => s.staff.id === staff.id).length >= options.maxPerStaff) return null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const controller = new AbortController();
      const entry: OpenStream = {
        staff,
        credential,
        finish(reason) {
          if (!untrack(entry)) return;
          controller.abort(reason);
          if (reason === 'client-left') return;
          // The browser's EventSource would reconnect after a plain end; this event tells the page to stop and
          // ask the portal whether its session is over.
          if (reason === 'session-ended' && res.writable) res.write('event: session-ended\ndata: {}\n\n');
          res.end();
        },
      };
      track(entry);
      res.on('close', () => entry.finish('client-left'));
      const write = (text: string) => {
        if (!controller.signal.aborted && res.writable) res.write(text);
      };
      return {
        signal: controller.signal,
        event: (name, data, id) => write(`event: ${name}\n${id === undefined ? '' : `id: ${id}\n`}data: ${data}\n\n`),
        comment: (text) => write(`: ${text}\n\n`),
        end: () => entry.finish('done'),
      };
    },
    endSession(idHash) {
      for (const s of [...streams]) {
        if (s.credential.kind === 'session' && s.credential.idHash === idHash) s.finish('session-ended');
      }
    },
    endStaff(staffId, reason) {
      for (const s of [...streams]) if (s.staff.id === staffId) s.finish(reason);
    },
    close() {
      // A plain end: the browsers reconnect, to the next process.
      for (const s of [...streams]) s.finish('done');
    },
  };
}

/** The answer when the staff member has `maxPerStaff` streams open already: 429, in Dutch. */
export function refuseTooManyStreams(
  reply: FastifyReply,
  deps: { readonly catalogue: Catalogue; readonly plein: { readonly streams: StaffEventStreams } },
): FastifyReply {
  return sendProblem(reply, deps.catalogue, {
    code: 'request.too-many-streams',
    limit: deps.plein.streams.maxPerStaff,
  });
}
