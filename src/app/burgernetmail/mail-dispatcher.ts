import type { MailDocument } from '../../domain/mail/mail-document.js';
import type { NodeLease } from '../cluster/node-lease.js';
import type { Mail } from '../../domain/mail/mail.js';
import type { EmailSendOutcome } from '../ports/email-channel.js';
import type { PersonalLinks, RenderedMail } from '../ports/mail-renderer.js';
import type { ClaimedRecipient, RecipientResult } from '../ports/mail-store.js';
import type { MailDeps } from './mail-deps.js';
import { answerUrl, emailHashOf, unsubscribeUrl, verpAddress } from './mail-links.js';
import { queueMail } from './queue-mail.js';
import { documentOf } from './send-mail.js';
import { senderOf } from './manage-templates.js';
import { createOutcomeBatch } from '../dispatch/outcome-batch.js';
import { createWakeablePause } from '../dispatch/wakeable-pause.js';

/** In a cluster, recipients and mails claimed by a node whose lease ran out are taken back this often. */
const TAKE_BACK_INTERVAL_MS = 5_000;

export interface MailDispatcherOptions {
  /** This node's lease: recipients are claimed under its id; those of workers whose lease ran out are taken back. */
  readonly lease: NodeLease;
  /** Recipients claimed per query. */
  readonly batchSize: number;
  /**
   * Mails handed to the channel and not answered yet: what a crash may send twice, and what still goes out after
   * an action started (the rest of a claimed batch waits).
   */
  readonly maxInFlight: number;
  /** How often an idle worker looks for work it was not told about. */
  readonly pollIntervalMs: number;
  /** How often a worker that gives way to an action looks again. */
  readonly yieldCheckMs: number;
  /** Participants queued per statement. */
  readonly queueChunk: number;
  /** The relay could not take a mail: try again after this. */
  readonly retryPauseMs: number;
}

export interface MailDispatcherFigures {
  /** Times the worker found an action busy and waited. */
  readonly yields: number;
  readonly sent: number;
  readonly inFlight: number;
}

export interface MailDispatcher {
  start(): Promise<void>;
  /** A mail was scheduled or stopped: look now. */
  wake(): void;
  /** An action is being started or sent (in-process hint): stop claiming at once; the database says when it is over. */
  actionsSignalled(): void;
  stop(): Promise<void>;
  figures(): MailDispatcherFigures;
}

interface PreparedMail {
  readonly mail: Mail;
  readonly document: MailDocument;
  readonly render: (links: PersonalLinks) => RenderedMail;
  readonly replyTo: string | null;
}

/** An action's start is signalled before its first delivery row exists: hold off this long on the hint alone. */
const SIGNAL_HOLD_MS = 1_000;
const PREPARED_CACHE = 64;
/** How often the worker looks whether a mail it holds recipients of was stopped. */
const STOP_CHECK_MS = 500;
/** Outcomes wait at most this long to be stored together. */
const FLUSH_INTERVAL_MS = 250;

/**
 * The mail worker: queues due mails and sends their recipients through the e-mail channel, always after the
 * actions. Before every claim (and every queuing chunk) it asks whether an action is being targeted or has SMS
 * queued or in flight, and waits while one has: an action's SMS never waits behind a newsletter. It has its own
 * connections (the mail store) and its own limit of mails in flight.
 */
export function createMailDispatcher(deps: MailDeps, options: MailDispatcherOptions): MailDispatcher {
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  /** Claimed and waiting for a place at the channel: held back at once when an action starts. */
  const ready: { readonly recipient: ClaimedRecipient; readonly mail: PreparedMail | null }[] = [];
  /** Claimed, but their mail could not be read yet (readyUp). */
  const unprepared: ClaimedRecipient[] = [];
  let sending = 0;
  let yields = 0;
  let sent = 0;
  let signalledAt = Number.NEGATIVE_INFINITY;
  let busy = false;
  // Claimed until its outcome is stored: a crash before that sends it again, so a failed store is retried.
  const pending = createOutcomeBatch<RecipientResult>(
    (batch) => deps.store.transaction((s) => s.queue.recordResults(batch, deps.clock.now())),
    (error, count) => deps.logger.error({ err: error, results: count }, 'storing mail results failed'),
  );
  let lastFlush = 0;
  let lastStopCheck = 0;
  /** A mail may have been stopped: nothing more goes to the channel until the worker has looked. */
  let stopCheckDue = false;
  let stopCheck: Promise<void> | null = null;
  const pause = createWakeablePause();
  const wait = pause.wait;
  let housekeeping: NodeJS.Timeout | null = null;
  const prepared = new Map<string, PreparedMail>();

  const signalled = () => performance.now() - signalledAt < SIGNAL_HOLD_MS;
  const holding = () => busy || signalled();

  async function actionsBusy(): Promise<boolean> {
    if (signalled()) return true;
    return deps.store.queue.actionsBusy(deps.clock.now());
  }

  /** Waits until no action is being sent (or the worker stops); the channel gets nothing meanwhile. */
  async function giveWay(): Promise<void> {
    while (running && (busy = await actionsBusy())) {
      yields += 1;
      await wait(options.yieldCheckMs);
    }
    busy = false;
  }

  function flush(): Promise<void> {
    if (pending.size > 0) lastFlush = performance.now();
    return pending.flush();
  }

  async function prepare(mailId: string): Promise<PreparedMail | null> {
    const cached = prepared.get(mailId);
    if (cached !== undefined) return cached;
    const mail = await deps.store.mails.findMail(mailId);
    if (mail === null) return null;
    const document = await documentOf(deps, mail);
    const sender = await senderOf(deps, mail.owner);
    const entry: PreparedMail = { mail, document, render: deps.renderer.prepare(document), replyTo: sender.replyTo };
    if (prepared.size >= PREPARED_CACHE) prepared.clear();
    prepared.set(mailId, entry);
    return entry;
  }

  /** Hands waiting mails to the channel, as many as may be in flight, unless an action is being sent. */
  function pump(): void {
    if (stopCheckDue || stopCheck !== null) {
      // Look first, then hand out what is still to go.
      void checkStops();
      return;
    }
    while (running && sending < options.maxInFlight && ready.length > 0 && !holding()) {
      const next = ready.shift()!;
      sending += 1;
      void send(next.recipient, next.mail);
    }
  }

  async function send(r: ClaimedRecipient, mail: PreparedMail | null): Promise<void> {
    let result: RecipientResult;
    if (r.email === null || mail === null) {
      result = { id: r.id, kind: 'skipped', reason: r.email === null ? 'no confirmed address' : 'mail gone' };
    } else {
      const now = deps.clock.now();
      const links: PersonalLinks = {
        unsubscribeUrl: unsubscribeUrl(deps.crypto, deps.settings, r.id, now),
        answerUrl: mail.document.asksForAnswers
          ? answerUrl(deps.crypto, deps.settings, r.id, now, mail.mail.answerDays)
          : null,
      };
      const rendered = mail.render(links);
      let outcome: EmailSendOutcome;
      try {
        outcome = await deps.email.send({
          to: r.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          unsubscribeUrl: links.unsubscribeUrl,
          replyTo: mail.replyTo,
          fromName: mail.document.senderName,
          returnPath: verpAddress(deps.crypto, deps.settings, r.id),
          notifyOnSuccess: deps.settings.notifyOnSuccess,
        });
      } catch (error) {
        outcome = { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
      }
      switch (outcome.kind) {
        case 'accepted':
          sent += 1;
          result = {
            id: r.id,
            kind: 'sent',
            messageId: outcome.messageId,
            emailHash: emailHashOf(deps.crypto, r.email),
          };
          break;
        case 'rejected':
          result = { id: r.id, kind: 'failed', reason: outcome.reason };
          break;
        case 'unavailable':
          result = {
            id: r.id,
            kind: 'retry',
            reason: outcome.reason,
            retryAt: new Date(deps.clock.now().getTime() + options.retryPauseMs),
          };
          break;
      }
    }
    pending.push(result);
    // Claimed until its outcome is stored: a crash before that sends it again.
    if (pending.size >= options.batchSize || sending <= 1 || performance.now() - lastFlush > FLUSH_INTERVAL_MS)
      await flush();
    sending -= 1;
    pump();
    pause.wake();
  }

  /** One look at a time; nothing is handed to the channel while it runs. */
  function checkStops(): Promise<void> {
    stopCheck ??= dropStopped()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'checking for stopped mails failed'))
      .finally(() => {
        stopCheck = null;
        pump();
      });
    return stopCheck;
  }

  /** A mail stopped while some of its recipients wait here: they do not go (checked at most every STOP_CHECK_MS). */
  async function dropStopped(): Promise<void> {
    const due = stopCheckDue;
    // A stop signalled while this looks is seen by the next look.
    stopCheckDue = false;
    if (ready.length === 0 || (!due && performance.now() - lastStopCheck < STOP_CHECK_MS)) return;
    lastStopCheck = performance.now();
    for (const mailId of new Set(ready.map((x) => x.recipient.mailId))) {
      const mail = await deps.store.mails.findMail(mailId);
      if (mail !== null && mail.status !== 'stopped') continue;
      for (let i = ready.length - 1; i >= 0; i--) {
        if (ready[i]!.recipient.mailId !== mailId) continue;
        pending.push({ id: ready[i]!.recipient.id, kind: 'cancelled' });
        ready.splice(i, 1);
      }
      prepared.delete(mailId);
      await flush();
    }
  }

  /**
   * Claimed recipients with their mails read, ready for the channel. A mail that cannot be read (the database
   * away) keeps its recipients here, claimed, to be read again before anything more is claimed: they are not
   * skipped as if the mail were gone.
   */
  async function readyUp(claimed: readonly ClaimedRecipient[]): Promise<void> {
    const mails = new Map<string, PreparedMail | null>();
    try {
      for (const id of new Set(claimed.map((c) => c.mailId))) mails.set(id, await prepare(id));
    } catch (error) {
      unprepared.push(...claimed);
      throw error;
    }
    for (const recipient of claimed) ready.push({ recipient, mail: mails.get(recipient.mailId) ?? null });
  }

  async function queueDueMail(): Promise<boolean> {
    const now = deps.clock.now();
    const mail = await deps.store.queue.claimMailToQueue(now, options.lease.workerId, options.lease.now());
    if (mail === null) return false;
    prepared.delete(mail.id);
    await queueMail(deps, mail, { chunk: options.queueChunk, giveWay });
    return true;
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        await giveWay();
        if (!running) break;
        await checkStops();
        pump();
        if (unprepared.length > 0) {
          await readyUp(unprepared.splice(0));
          pump();
          continue;
        }
        if (await queueDueMail()) continue;
        // Claim the next batch while the last one is half handed out, so that the channel never waits for the database.
        if (ready.length >= options.batchSize / 2) {
          await flush();
          await wait(options.pollIntervalMs);
          continue;
        }
        const claimed = await deps.store.queue.claimRecipients(
          options.batchSize,
          options.lease.workerId,
          deps.clock.now(),
        );
        if (claimed.length === 0) {
          await flush();
          await wait(options.pollIntervalMs);
          continue;
        }
        await readyUp(claimed);
        pump();
      } catch (error) {
        deps.logger.error({ err: error }, 'mail worker step failed');
        await wait(options.pollIntervalMs);
      }
    }
  }

  async function takeBack(): Promise<void> {
    const requeued = await deps.store.queue.requeueInFlight(
      options.lease.now(),
      options.lease.workerId,
      deps.clock.now(),
    );
    if (requeued > 0) deps.logger.warn({ requeued }, 'took back mails claimed by a worker that stopped');
  }

  return {
    async start() {
      if (running) return;
      // Claims from before this start belonged to a run that stopped (a crash): those mails go out again.
      await takeBack();
      running = true;
      loopDone = loop();
      if (!options.lease.single) {
        housekeeping = setInterval(() => {
          takeBack().catch((error: unknown) => deps.logger.error({ err: error }, 'mail housekeeping failed'));
        }, TAKE_BACK_INTERVAL_MS);
      }
    },
    wake() {
      // A mail was scheduled or stopped: look at once, also at what waits here, before anything more goes out.
      stopCheckDue = true;
      pause.wake();
    },
    actionsSignalled() {
      signalledAt = performance.now();
      pause.wake();
    },
    async stop() {
      running = false;
      if (housekeeping !== null) clearInterval(housekeeping);
      pause.wake();
      await loopDone;
      while (sending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await flush();
      // What was claimed and never handed to the channel goes back to the queue as it was.
      const unsent = [...ready.splice(0).map((x) => x.recipient.id), ...unprepared.splice(0).map((r) => r.id)];
      if (unsent.length > 0) await deps.store.queue.releaseClaims(unsent, options.lease.workerId);
    },
    figures: () => ({ yields, sent, inFlight: sending + ready.length }),
  };
}
