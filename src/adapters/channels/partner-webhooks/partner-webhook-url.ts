import { isIP } from 'node:net';

export type PartnerWebhookUrlProblem = 'not-a-url' | 'not-https' | 'has-credentials' | 'has-fragment';

/**
 * Where a partner receives webhooks: https, since the payload travels over networks we do not control (the
 * signature proves who sent it, it does not hide it). Plain http only to this machine, for the simulator and
 * a local relay. Credentials in the URL would end up in logs; a partner authenticates us by the signature.
 */
export function checkPartnerWebhookUrl(
  text: string,
): { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: PartnerWebhookUrlProblem } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    return { ok: false, problem: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'has-credentials' };
  if (url.hash !== '') return { ok: false, problem: 'has-fragment' };
  return { ok: true, url };
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}
