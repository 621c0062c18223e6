import type { MailStore, MailStores } from '../../../app/ports/mail-store.js';
import type { Database, Queryable } from '../database/database.js';
import { createSqlAuditLog } from '../sql-audit-log.js';
import { createSqlMailAnswers } from './sql-mail-answers.js';
import { createSqlMailQueue } from './sql-mail-queue.js';
import { createSqlMailRepository } from './sql-mail-repository.js';

function storesOn(db: Queryable): MailStores {
  return {
    mails: createSqlMailRepository(db),
    queue: createSqlMailQueue(db),
    answers: createSqlMailAnswers(db),
    audit: createSqlAuditLog(db),
  };
}

export function createMailStore(db: Database): MailStore {
  return { ...storesOn(db), transaction: (work) => db.transaction((tx) => work(storesOn(tx))) };
}
