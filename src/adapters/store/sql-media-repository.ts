import type { MediaRepository } from '../../app/ports/media-repository.js';
import type { Publication } from '../../domain/action/publication.js';
import type { ActionStatus } from '../../domain/action/action-status.js';
import { asMsisdn } from '../../domain/participant/msisdn.js';
import type { ActionPhoto, ImageContentType } from '../../domain/photo/stored-image.js';
import type { Tip } from '../../domain/tip/tip.js';
import type { Queryable } from './database/database.js';

interface PhotoRow {
  action_id: string;
  storage_key: string;
  content_type: ImageContentType;
  width: number;
  height: number;
  bytes: number;
  uploaded_at: Date;
  uploaded_by: string;
}

const toPhoto = (r: PhotoRow): ActionPhoto => ({
  actionId: r.action_id,
  image: { key: r.storage_key, contentType: r.content_type, width: r.width, height: r.height, bytes: r.bytes },
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploaded_by,
});

interface TipRow {
  id: string;
  seq: string | number;
  action_id: string;
  text: string;
  callback_msisdn: string | null;
  photo_key: string | null;
  photo_content_type: ImageContentType | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_bytes: number | null;
  received_at: Date;
}

const toTip = (r: TipRow): Tip => ({
  id: r.id,
  seq: Number(r.seq),
  actionId: r.action_id,
  text: r.text,
  callbackMsisdn: r.callback_msisdn === null ? null : asMsisdn(r.callback_msisdn),
  photo:
    r.photo_key === null || r.photo_content_type === null
      ? null
      : {
          key: r.photo_key,
          contentType: r.photo_content_type,
          width: r.photo_width ?? 0,
          height: r.photo_height ?? 0,
          bytes: r.photo_bytes ?? 0,
        },
  receivedAt: r.received_at,
});

const TIP_COLUMNS = `id, seq, action_id, text, callback_msisdn, photo_key, photo_content_type, photo_width, photo_height,
  photo_bytes, received_at`;

export function createSqlMediaRepository(db: Queryable): MediaRepository {
  return {
    async findPhoto(actionId) {
      const [row] = await db.query<PhotoRow>('select * from action_photos where action_id = $1', [actionId]);
      return row ? toPhoto(row) : null;
    },

    async findPhotos(actionIds) {
      if (actionIds.length === 0) return new Map();
      const rows = await db.query<PhotoRow>('select * from action_photos where action_id = any($1::uuid[])', [
        actionIds,
      ]);
      return new Map(rows.map((r) => [r.action_id, toPhoto(r)]));
    },

    async setPhoto(p) {
      const [previous] = await db.query<PhotoRow>('select * from action_photos where action_id = $1 for update', [
        p.actionId,
      ]);
      await db.execute(
        `insert into action_photos (action_id, storage_key, content_type, width, height, bytes, uploaded_at, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (action_id) do update set storage_key = excluded.storage_key, content_type = excluded.content_type,
           width = excluded.width, height = excluded.height, bytes = excluded.bytes, uploaded_at = excluded.uploaded_at,
           uploaded_by = excluded.uploaded_by`,
        [
          p.actionId,
          p.image.key,
          p.image.contentType,
          p.image.width,
          p.image.height,
          p.image.bytes,
          p.uploadedAt,
          p.uploadedBy,
        ],
      );
      return previous ? toPhoto(previous) : null;
    },

    async removePhoto(actionId) {
      const [row] = await db.query<PhotoRow>('delete from action_photos where action_id = $1 returning *', [actionId]);
      return row ? toPhoto(row) : null;
    },

    async insertTip(t) {
      const [row] = await db.query<TipRow>(
        `insert into action_tips (id, action_id, text, callback_msisdn, photo_key, photo_content_type, photo_width,
           photo_height, photo_bytes, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         returning ${TIP_COLUMNS}`,
        [
          t.id,
          t.actionId,
          t.text,
          t.callbackMsisdn,
          t.photo?.key ?? null,
          t.photo?.contentType ?? null,
          t.photo?.width ?? null,
          t.photo?.height ?? null,
          t.photo?.bytes ?? null,
          t.receivedAt,
        ],
      );
      return toTip(row!);
    },

    async listTips(actionId, afterSeq, limit) {
      const rows = await db.query<TipRow>(
        `select ${TIP_COLUMNS} from action_tips where action_id = $1 and seq > $2 order by seq limit $3`,
        [actionId, afterSeq ?? 0, limit],
      );
      return rows.map(toTip);
    },

    async findTip(actionId, tipId) {
      const [row] = await db.query<TipRow>(`select ${TIP_COLUMNS} from action_tips where action_id = $1 and id = $2`, [
        actionId,
        tipId,
      ]);
      return row ? toTip(row) : null;
    },

    async listEndedWithMedia() {
      const rows = await db.query<{
        id: string;
        status: ActionStatus;
        ended_at: Date | null;
        updated_at: Date;
        public: boolean;
        public_text: string | null;
        call_112: boolean;
        media_retention_days: number | null;
      }>(
        `select a.id, a.status, a.ended_at, a.updated_at, a.public, a.public_text, a.call_112, a.media_retention_days
         from actions a
         where a.status <> 'actief'
           and (exists (select 1 from action_photos p where p.action_id = a.id)
                or exists (select 1 from action_tips t where t.action_id = a.id))`,
      );
      return rows.map((r) => {
        const publication: Publication = {
          public: r.public,
          publicText: r.public_text,
          call112: r.call_112,
          mediaRetentionDays: r.media_retention_days,
        };
        return { id: r.id, status: r.status, endedAt: r.ended_at, updatedAt: r.updated_at, publication };
      });
    },

    async deleteMedia(actionId) {
      const photos = await db.query<{ storage_key: string }>(
        'delete from action_photos where action_id = $1 returning storage_key',
        [actionId],
      );
      const tips = await db.query<{ photo_key: string | null }>(
        'delete from action_tips where action_id = $1 returning photo_key',
        [actionId],
      );
      return [...photos.map((p) => p.storage_key), ...tips.flatMap((t) => (t.photo_key === null ? [] : [t.photo_key]))];
    },
  };
}
