import { ErrorReply } from '@redis/client';
import type { RedisClient } from './redis-connection.js';

/** What a Redis keeps on disk, as far as it tells. */
export type RedisPersistence =
  | { readonly kind: 'memory-only' }
  /** It writes snapshots (`save` not empty) or an append-only file (`appendonly yes`). */
  | { readonly kind: 'persists'; readonly setting: 'save' | 'appendonly'; readonly value: string }
  /** It does not answer CONFIG GET (a managed Redis that forbids CONFIG). */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Asks Redis whether it writes to disk. A phone's cell must never reach a disk (ADR 0003), so presence may go only
 * into a Redis with `save ""` and `appendonly no`.
 */
export async function redisPersistence(client: RedisClient): Promise<RedisPersistence> {
  let save: Record<string, string>;
  let appendonly: Record<string, string>;
  try {
    save = await client.configGet('save');
    appendonly = await client.configGet('appendonly');
  } catch (error) {
    if (error instanceof ErrorReply) return { kind: 'unknown', reason: error.message };
    throw error;
  }
  if (save.save === undefined || appendonly.appendonly === undefined)
    return { kind: 'unknown', reason: 'CONFIG GET gave no value for save or appendonly' };
  if (save.save.trim() !== '') return { kind: 'persists', setting: 'save', value: save.save };
  if (appendonly.appendonly !== 'no') return { kind: 'persists', setting: 'appendonly', value: appendonly.appendonly };
  return { kind: 'memory-only' };
}
