import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { createArgon2PasswordHasher } from '../../src/adapters/auth/argon2-password-hasher.js';
import type { StaffRole } from '../../src/domain/staff/staff.js';
import { receivedMail } from './mail.js';
import type { TestSystem } from './test-system.js';

export const TEST_PASSWORD = 'paarse olifant op de fiets';
const hasher = createArgon2PasswordHasher();
let passwordHash: Promise<string> | null = null;

export interface StaffLogin {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string;
}

/** A staff account with a password and an authenticator app, ready to log in. */
export async function createStaffLogin(t: TestSystem, role: StaffRole, scope?: string): Promise<StaffLogin> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@test.burgernet.nl`;
  const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  await t.system.store.staffAccounts.create({
    id,
    name: `Test ${role} ${scope ?? 'landelijk'}`,
    email,
    role,
    meldkamerCode: scope?.startsWith('RE') ? scope : null,
    gemeenteCode: scope?.startsWith('GM') ? scope : null,
    activationHash: null,
    activationExpiresAt: null,
  });
  passwordHash ??= hasher.hash(TEST_PASSWORD);
  await t.system.store.staffAccounts.setPassword(id, await passwordHash, new Date());
  await t.system.store.staffAccounts.setTotpSecret(id, totpSecret, new Date());
  return { id, email, password: TEST_PASSWORD, totpSecret };
}

/** The code an authenticator app shows now; `stepsAhead` for a fresh code after one was used. */
export function totpCode(secret: string, at: Date = new Date(), stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) + stepsAhead * 30, period: 30, digits: 6 });
}

/** A browser-like HTTP client: keeps cookies, reads the CSRF token from pages, does not follow redirects. */
export class PortalClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly baseUrl: string,
    readonly address = '127.0.0.1',
  ) {}

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(text);
    if (token) this.csrf = token[1]!;
    return { status: response.status, headers: response.headers, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Posts a form with the CSRF token of the last page. */
  postForm(path: string, form: Record<string, string>) {
    return this.request('POST', path, { form: { _csrf: this.csrf, ...form } });
  }

  /** Logs in with password and TOTP (the code of `at`: the server's clock); returns the status of the last step. */
  async logIn(login: StaffLogin, at: Date = new Date()): Promise<number> {
    await this.get('/plein/inloggen');
    const first = await this.postForm('/plein/inloggen', { email: login.email, password: login.password });
    if (first.status !== 303) return first.status;
    await this.get('/plein/inloggen/tweede-stap');
    const second = await this.postForm('/plein/inloggen/code', { code: await totpCode(login.totpSecret, at) });
    return second.status;
  }
}

/**
 * The path of the newest activation link mailed to `email` (the mail goes to the account's own address; beheer
 * never gets the link), waiting for it at the system's SMTP simulator.
 */
export async function mailedActivationPath(t: TestSystem, email: string, notThis?: string): Promise<string> {
  const mail = await receivedMail(t, (m) => {
    if (!m.to.some((to) => to.toLowerCase() === email.toLowerCase())) return false;
    const path = /\/plein\/activeren\/[A-Za-z0-9_-]+/.exec(m.text)?.[0];
    return path !== undefined && path !== notThis;
  });
  return /\/plein\/activeren\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
}

/**
 * Logs a staff member in through the pages, as a person does: e-mail and password, then the authenticator's code
 * (at `now`: the test system's clock). Resolves on the first page after the login.
 */
export async function logInInBrowser(page: Page, base: string, login: StaffLogin, now: Date): Promise<void> {
  await page.goto(`${base}/plein/inloggen`);
  await page.fill('#veld-email', login.email);
  await page.fill('#veld-password', login.password);
  await page.click('button[type=submit]');
  await page.waitForURL('**/plein/inloggen/tweede-stap');
  await page.fill('#veld-code', await totpCode(login.totpSecret, now));
  await page.click('form[action="/plein/inloggen/code"] button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/plein/inloggen'));
}
