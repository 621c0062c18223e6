import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhotoStorage } from '../../app/ports/photo-storage.js';
import type { ImageContentType } from '../../domain/photo/stored-image.js';

const EXTENSION: Record<ImageContentType, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp' };
const KEY = /^[0-9a-f]{32}\.(jpg|webp)$/;

/**
 * Photos as files in one folder (under DATA_DIR), each under a random name. A file is written under a
 * temporary name and renamed, so a crash never leaves half a photo under a real key.
 */
export function createLocalPhotoStorage(folder: string): PhotoStorage {
  let ready: Promise<unknown> | null = null;
  const ensureFolder = () => (ready ??= mkdir(folder, { recursive: true, mode: 0o700 }));
  return {
    async save(bytes, contentType) {
      await ensureFolder();
      const key = `${randomBytes(16).toString('hex')}.${EXTENSION[contentType]}`;
      const temporary = join(folder, `.${key}.tmp`);
      await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
      await rename(temporary, join(folder, key));
      return key;
    },
    async read(key) {
      if (!KEY.test(key)) return null;
      return readFile(join(folder, key)).then(
        (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
    },
    async remove(key) {
      if (!KEY.test(key)) return;
      await rm(join(folder, key), { force: true });
    },
  };
}
