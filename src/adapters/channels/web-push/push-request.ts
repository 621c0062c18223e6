import http from 'node:http';
import https from 'node:https';

export type PushResponse =
  | { readonly kind: 'answered'; readonly status: number; readonly retryAfterMs: number | null }
  | { readonly kind: 'unreachable'; readonly reason: string };

/** Keep-alive connections to one push service (origin), bounded. */
export function createOriginAgent(origin: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
  return origin.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

/** One RFC 8030 §5 POST of an encrypted message; the response body is read and dropped so the connection is reused. */
export function postPush(
  endpoint: URL,
  agent: http.Agent,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  timeoutMs: number,
): Promise<PushResponse> {
  return new Promise((resolve) => {
    const request = (endpoint.protocol === 'https:' ? https : http).request(
      {
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port: endpoint.port,
        path: `${endpoint.pathname}${endpoint.search}`,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(body.length) },
        timeout: timeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        response.resume();
        response.on('end', () => resolve({ kind: 'answered', status, retryAfterMs }));
        response.on('error', (error) => resolve({ kind: 'unreachable', reason: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ kind: 'unreachable', reason: error.message }));
    request.end(body);
  });
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
