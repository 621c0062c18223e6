import type { Database } from '../store/database/database.js';

/**
 * Demo data for Burgernetmail: a quarter of the synthetic participants get a confirmed address on
 * demo.burgernet.nl, and a few an address on a `.invalid` domain, which the SMTP simulator bounces (so the demo
 * shows bounces coming back). Done once: nothing changes when demo addresses exist already.
 */
export async function ensureDemoMailAddresses(db: Database, at: Date): Promise<number> {
  const [existing] = await db.query<{ n: number }>(
    `select count(*)::int as n from participants where email like '%@demo.burgernet.nl' or email like '%@bestaat-niet.invalid'`,
  );
  if ((existing?.n ?? 0) > 0) return 0;
  return db.execute(
    `update participants set
       email = case when substr(id::text, 1, 2) = '00' then 'deelnemer-' || substr(id::text, 1, 8) || '@bestaat-niet.invalid'
                    else 'deelnemer-' || substr(id::text, 1, 8) || '@demo.burgernet.nl' end,
       email_confirmed_at = $1
     where email is null and substr(id::text, 1, 1) in ('0', '1', '2', '3')`,
    [at],
  );
}
