import type { ImageContentType } from '../../domain/photo/stored-image.js';

/**
 * Where photo bytes live: a local folder now, object storage later. Keys are random and chosen by the
 * storage; they carry nothing about the photo or who sent it.
 */
export interface PhotoStorage {
  save(bytes: Uint8Array, contentType: ImageContentType): Promise<string>;
  /** Null when the key is unknown (deleted, or never stored). */
  read(key: string): Promise<Uint8Array | null>;
  /** Deleting a key that is gone already is fine: deletion is retried after a crash. */
  remove(key: string): Promise<void>;
}
