import http from 'node:http';
import https from 'node:https';

/** Why no answer came: named, so the outbox can show and count them. */
export type WebhookNetworkFailure =
  | 'timeout'
  | 'channel-closed'
  | 'connection-refused'
  | 'connection-reset'
  | 'dns-failure'
  | 'host-unreachable'
  | 'tls-failure'
  | 'network-error';

export type WebhookResponse =
  | { readonly kind: 'answered'; readonly status: number; readonly retryAfter: string | undefined }
  | { readonly kind: 'unreachable'; readonly failure: WebhookNetworkFailure };

/** Keep-alive connections to one partner, few: one partner gets one event at a time, in order. */
export function createWebhookAgent(url: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

export interface WebhookRequest {
  readonly url: URL;
  readonly agent: http.Agent;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** For the whole exchange: connecting, sending, and reading the answer to its end. */
  readonly timeoutMs: number;
  /** Aborted when the channel closes. */
  readonly closing: AbortSignal;
}

/**
 * One POST. Node's http client never follows a redirect, which is what we want; the answer's body is read and
 * dropped (never logged) so the connection can be used again. Resolves, never rejects.
 */
export async function sendWebhookRequest({
  url,
  agent,
  headers,
  body,
  timeoutMs,
  closing,
}: WebhookRequest): Promise<WebhookResponse> {
  // A controller of our own with a timer we clear: nothing outlives the request, however long the channel lives.
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const onClosing = () => abort.abort();
  closing.addEventListener('abort', onClosing, { once: true });
  if (closing.aborted) abort.abort();
  const post = () =>
    exchange(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) }, signal: abort.signal },
      body,
    );
  try {
    let result = await post();
    // A kept-alive connection the partner closed just as we took it: send once more on a new one, as Node's http
    // docs advise. Safe for this POST because a receiver drops repeats by webhook-id.
    if (result.kind === 'failed' && result.staleConnection && !abort.signal.aborted) result = await post();
    if (result.kind === 'answered') return result.response;
    return {
      kind: 'unreachable',
      failure: timedOut ? 'timeout' : closing.aborted ? 'channel-closed' : failureOf(result.error),
    };
  } finally {
    clearTimeout(timer);
    closing.removeEventListener('abort', onClosing);
  }
}

type Exchange =
  | { readonly kind: 'answered'; readonly response: WebhookResponse }
  | { readonly kind: 'failed'; readonly error: unknown; readonly staleConnection: boolean };

function exchange(url: URL, options: http.RequestOptions, body: Buffer): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Exchange) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, options, (response) => {
      const answered: WebhookResponse = {
        kind: 'answered',
        status: response.statusCode ?? 0,
        retryAfter: response.headers['retry-after'],
      };
      const brokeOff = (error: unknown) => settle({ kind: 'failed', error, staleConnection: false });
      response.on('error', brokeOff);
      response.on('end', () => settle({ kind: 'answered', response: answered }));
      response.on('close', () => {
        if (!response.complete) brokeOff(new Error('the answer broke off'));
      });
      response.resume();
    });
    request.on('error', (error) => {
      const code = 'code' in error ? error.code : undefined;
      settle({
        kind: 'failed',
        error,
        staleConnection: request.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE'),
      });
    });
    request.end(body);
  });
}

function failureOf(error: unknown): WebhookNetworkFailure {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection-refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection-reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns-failure';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return 'host-unreachable';
    default:
      return /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code) ? 'tls-failure' : 'network-error';
  }
}
