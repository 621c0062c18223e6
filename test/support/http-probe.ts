export interface ProbeOutcome {
  /** 0: no answer (see `error`). */
  readonly status: number;
  readonly ms: number;
  /** The answer's text; empty for a live stream. */
  readonly text: string;
  readonly error?: string;
}

/**
 * Sends one request and reads its whole answer within the timeout; a live stream (progress, tips, an import's
 * events) only until its headers arrive, since it stays open.
 */
export async function probe(url: string, init: RequestInit, timeoutMs: number, retried = false): Promise<ProbeOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    let text = '';
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
    else text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch (error) {
    // After refusing an oversized request (431, 413) the server closes the connection; a request the client had
    // already put on it is reset. Once more, on a new connection.
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    if (!timedOut && !retried) return probe(url, init, timeoutMs, true);
    const cause = (error as { cause?: unknown }).cause;
    return { status: 0, ms: performance.now() - started, text: '', error: `${String(error)}: ${String(cause)}` };
  }
}
