/** A Locatieserver answer: its JSON, or why there is none (in Dutch, for the problem's `reason`). */
export type LocatieserverAnswer =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly reason: string };

/** GETs one Locatieserver endpoint; every way it can fail becomes a reason, none throws. */
export async function getLocatieserverJson(url: URL, timeoutMs: number): Promise<LocatieserverAnswer> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `PDOK Locatieserver antwoordde met HTTP ${response.status}.` };
    }
    return { ok: true, body: await response.json() };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      return { ok: false, reason: `PDOK Locatieserver antwoordde niet binnen ${timeoutMs} ms.` };
    if (error instanceof SyntaxError) return { ok: false, reason: 'PDOK Locatieserver stuurde geen geldige JSON.' };
    return { ok: false, reason: `PDOK Locatieserver is niet bereikbaar: ${describe(error)}.` };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports "fetch failed" and puts the socket error (ECONNREFUSED…) in the cause.
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
