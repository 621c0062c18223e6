/**
 * A browser without a browser: keeps cookies, reads the CSRF token from the last page's form and posts forms
 * as application/x-www-form-urlencoded, as a page does. For testing pages over plain HTTP.
 */
export class FormSession {
  readonly #cookies = new Map<string, string>();
  #csrf: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  get csrf(): string | null {
    return this.#csrf;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  async get(path: string): Promise<PageResponse> {
    return this.#send(path, { method: 'GET' });
  }

  /** Posts the fields (arrays for repeated fields) with the CSRF token of the last page, unless `_csrf` is given. */
  async post(
    path: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
    options: { readonly withCsrf?: boolean } = {},
  ): Promise<PageResponse> {
    const body = new URLSearchParams();
    if (options.withCsrf !== false && this.#csrf !== null && !('_csrf' in fields)) body.append('_csrf', this.#csrf);
    for (const [name, value] of Object.entries(fields))
      for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
    return this.#send(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async #send(path: string, init: RequestInit): Promise<PageResponse> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.baseUrl + path, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...(init.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.#csrf = token[1]!;
    return { status: response.status, headers: response.headers, text, location: response.headers.get('location') };
  }
}

export interface PageResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly location: string | null;
}

/** The value of a hidden input in a page. */
export function hiddenValue(page: string, name: string): string | null {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? null;
}
