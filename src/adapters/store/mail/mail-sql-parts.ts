import type { Audience } from '../../../domain/mail/audience.js';
import { postcodeBounds } from '../../../domain/mail/audience.js';
import type { MailScope } from '../../../app/ports/mail-store.js';

/**
 * SQL pieces shared by counting, queuing and claiming: who may get mail now, and which registrations an audience
 * and a scope take in. Each returns its clause with `$n` placeholders numbered from `first`, and its parameters.
 */
export interface Clause {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A participant (alias p) whose address is confirmed, has not bounced, and who is not on a pause at `$n`. */
export function mailableClause(first: number, at: Date): Clause {
  return {
    sql: `p.email is not null and p.email_confirmed_at is not null and p.email_bounced_at is null
          and not (p.paused_from is not null and p.paused_from <= $${first} and p.paused_until > $${first})`,
    params: [at],
  };
}

/** Registrations (alias r) in the sender's gemeente or region. */
export function scopeClause(first: number, scope: MailScope): Clause {
  switch (scope.kind) {
    case 'landelijk':
      return { sql: 'true', params: [] };
    case 'gemeente':
      return { sql: `r.gemeente_code = $${first}`, params: [scope.code] };
    case 'meldkamer':
      return {
        sql: `r.gemeente_code in (select code from gemeenten where meldkamer_code = $${first})`,
        params: [scope.code],
      };
  }
}

/** Registrations (alias r) in postcode ranges or a gemeente. */
export function audienceClause(first: number, audience: Exclude<Audience, { kind: 'area' }>): Clause {
  switch (audience.kind) {
    case 'gemeente':
      return { sql: `r.gemeente_code = $${first}`, params: [audience.gemeenteCode] };
    case 'postcodes': {
      const bounds = audience.ranges.map(postcodeBounds);
      return {
        sql: `exists (select 1 from unnest($${first}::text[], $${first + 1}::text[]) as b(lo, hi) where r.postcode between b.lo and b.hi)`,
        params: [bounds.map((b) => b.from), bounds.map((b) => b.to)],
      };
    }
  }
}

/** Joins clauses with `and`, renumbering as it goes. */
export function whereAll(first: number, ...parts: ((n: number) => Clause)[]): Clause {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const part of parts) {
    const clause = part(first + params.length);
    sql.push(`(${clause.sql})`);
    params.push(...clause.params);
  }
  return { sql: sql.join(' and '), params };
}
