import type { MeldkamerDirectory, MeldkamerRecord } from '../../app/ports/meldkamer-directory.js';
import { asMsisdn } from '../../domain/participant/msisdn.js';
import type { Queryable } from './database/database.js';

export type { MeldkamerRecord } from '../../app/ports/meldkamer-directory.js';

interface MeldkamerRow {
  code: string;
  name: string;
  phone_routing_target: string;
  public_phone: string | null;
}

const toRecord = (r: MeldkamerRow): MeldkamerRecord => ({
  code: r.code,
  name: r.name,
  phoneRoutingTarget: r.phone_routing_target,
  publicPhone: r.public_phone === null ? null : asMsisdn(r.public_phone),
});

export function createSqlMeldkamerDirectory(db: Queryable): MeldkamerDirectory {
  return {
    async list() {
      return (await db.query<MeldkamerRow>('select * from meldkamers order by code')).map(toRecord);
    },
    async find(code) {
      const [row] = await db.query<MeldkamerRow>('select * from meldkamers where code = $1', [code]);
      return row ? toRecord(row) : null;
    },
    async setRoutingTarget(code, target) {
      return (
        (await db.execute('update meldkamers set phone_routing_target = $2 where code = $1', [code, target])) === 1
      );
    },
    async setPublicPhone(code, phone) {
      return (await db.execute('update meldkamers set public_phone = $2 where code = $1', [code, phone])) === 1;
    },
  };
}
