import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Database } from '../../src/adapters/store/database/database.js';
import type { ApiClient } from './test-system.js';

/** The Vondelpark, Amsterdam (RE05): where the app tests' actions look. */
export const VONDELPARK = { lat: 52.358, lon: 4.868 };
export const VONDELPARK_AREA = { kind: 'circle', centre: VONDELPARK, radiusMetres: 800 } as const;

/** Creates and starts an action; returns its id. */
export async function startAction(api: ApiClient, body: Record<string, unknown>): Promise<string> {
  const created = await api.post('/api/v1/actions', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const started = await api.post(`/api/v1/actions/${created.body.id}/start`);
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return created.body.id;
}

export interface UploadFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly type: string;
}

/** A multipart/form-data request, as a browser's form sends it. */
export function formOf(fields: Record<string, string>, files: Record<string, UploadFile> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files))
    form.append(name, new Blob([file.bytes], { type: file.type }), file.name);
  return form;
}

/** JSON answers, read by the tests field by field (as ApiResponse does). */
type Json = any;

export async function postTip(
  baseUrl: string,
  actionId: string,
  fields: Record<string, string>,
  photo?: UploadFile,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const response = await fetch(`${baseUrl}/app/v1/actions/${actionId}/tips`, {
    method: 'POST',
    body: formOf(fields, photo ? { photo } : {}),
    headers,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}

export async function putPhoto(
  baseUrl: string,
  token: string,
  actionId: string,
  photo: UploadFile,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${baseUrl}/api/v1/actions/${actionId}/photo`, {
    method: 'PUT',
    body: formOf({}, { photo }),
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

/** The files in the photo folder (none when it does not exist yet). */
export async function photoFiles(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'photos')).catch(() => []);
}

export async function mediaRows(db: Database): Promise<{ photos: number; tips: number }> {
  const [row] = await db.query<{ photos: number; tips: number }>(
    'select (select count(*)::int from action_photos) as photos, (select count(*)::int from action_tips) as tips',
  );
  return row!;
}

/** A phone photo with EXIF: maker, model and the GPS position it was taken at. */
export async function cameraPhoto(width = 800, height = 600): Promise<UploadFile> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#8a5a2b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Testcamera', Model: 'Spiekoog 3000' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 21/1 2880/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 52/1 480/100',
      },
    })
    .toBuffer();
  return { bytes, name: 'IMG_0042.jpg', type: 'image/jpeg' };
}

/** The bad uploads every photo route must refuse without storing anything. */
export async function badUploads(): Promise<
  { readonly label: string; readonly file: UploadFile; readonly status: number; readonly code: string }[]
> {
  const bomb = await sharp({
    create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' },
    limitInputPixels: false,
  })
    .png({ compressionLevel: 9 })
    .toBuffer();
  const big = Buffer.alloc(20 * 1024 * 1024, 0x41);
  return [
    {
      label: 'a text file named .jpg',
      file: { bytes: Buffer.from('Dit is geen foto.\n'), name: 'foto.jpg', type: 'image/jpeg' },
      status: 422,
      code: 'photo.not-an-image',
    },
    {
      label: 'a 100-megapixel PNG',
      file: { bytes: bomb, name: 'groot.png', type: 'image/png' },
      status: 422,
      code: 'photo.too-many-pixels',
    },
    {
      label: 'a 20 MB file',
      file: { bytes: big, name: 'groot.jpg', type: 'image/jpeg' },
      status: 413,
      code: 'photo.too-large',
    },
  ];
}
