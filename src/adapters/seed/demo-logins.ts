import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../domain/staff/staff.js';
import type { Store } from '../../app/ports/stores.js';
import type { PasswordHasher } from '../../app/ports/staff-credentials.js';

/** Demo only: the same password and TOTP secret for every demo login, printed at start (src/cli/start.ts). */
export const DEMO_PASSWORD = 'groene fiets op de dam';
export const DEMO_TOTP_SECRET = 'BURGERNETDEMOPLEINBURGERNETDEMO2';

export interface DemoLogin {
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
}

const LOGINS: readonly (DemoLogin & { readonly meldkamerCode: string | null; readonly gemeenteCode: string | null })[] =
  [
    {
      email: 'centralist@demo.burgernet.nl',
      name: 'Demo Centralist Amsterdam',
      role: 'centralist',
      meldkamerCode: 'RE05',
      gemeenteCode: null,
    },
    {
      email: 'centralist2@demo.burgernet.nl',
      name: 'Demo Tweede Centralist Amsterdam',
      role: 'centralist',
      meldkamerCode: 'RE05',
      gemeenteCode: null,
    },
    {
      email: 'meldkamerbeheer@demo.burgernet.nl',
      name: 'Demo Meldkamerbeheer Amsterdam',
      role: 'meldkamer-beheer',
      meldkamerCode: 'RE05',
      gemeenteCode: null,
    },
    {
      email: 'gemeente@demo.burgernet.nl',
      name: 'Demo Gemeente Amsterdam',
      role: 'gemeente',
      meldkamerCode: null,
      gemeenteCode: 'GM0363',
    },
    {
      email: 'gemeentebeheer@demo.burgernet.nl',
      name: 'Demo Gemeentebeheer Amsterdam',
      role: 'gemeente-beheer',
      meldkamerCode: null,
      gemeenteCode: 'GM0363',
    },
    {
      email: 'beheer@demo.burgernet.nl',
      name: 'Demo Landelijk beheer',
      role: 'landelijk-beheer',
      meldkamerCode: null,
      gemeenteCode: null,
    },
  ];

/**
 * Portal logins for the demo (password + TOTP), created once. The secret is public (printed), so demo
 * mode must never run with real participants.
 */
export async function ensureDemoLogins(
  store: Store,
  passwords: PasswordHasher,
  at: Date,
): Promise<readonly DemoLogin[]> {
  let passwordHash: string | null = null;
  for (const login of LOGINS) {
    if ((await store.staffAccounts.findByEmail(login.email)) !== null) continue;
    passwordHash ??= await passwords.hash(DEMO_PASSWORD);
    const id = randomUUID();
    await store.staffAccounts.create({
      id,
      name: login.name,
      email: login.email,
      role: login.role,
      meldkamerCode: login.meldkamerCode,
      gemeenteCode: login.gemeenteCode,
      activationHash: null,
      activationExpiresAt: null,
    });
    await store.staffAccounts.setPassword(id, passwordHash, at);
    await store.staffAccounts.setTotpSecret(id, DEMO_TOTP_SECRET, at);
  }
  return LOGINS;
}
