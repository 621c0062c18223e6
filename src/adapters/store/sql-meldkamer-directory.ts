import type { Queryable } from './database/database.js';

export interface MeldkamerRecord {
  readonly code: string;
  readonly name: string;
  /** Where 0800-0011 puts a caller through to: a SIP URI or an E.164 number. */
  readonly phoneRoutingTarget: string;
}

export function createSqlMeldkamerDirectory(db: Queryable) {
  return {
    async list(): Promise<MeldkamerRecord[]> {
      const rows = await db.query<{ code: string; name: string; phone_routing_target: string }>('select * from meldkamers order by code');
      return rows.map((r) => ({ code: r.code, name: r.name, phoneRoutingTarget: r.phone_routing_target }));
    },
    async setRoutingTarget(code: string, target: string): Promise<boolean> {
      return (await db.execute('update meldkamers set phone_routing_target = $2 where code = $1', [code, target])) === 1;
    },
  };
}
