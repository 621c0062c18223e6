import { scopeOf, type StaffRole } from '../../../domain/staff/staff.js';
import type { StaffAccount, StaffAccounts, StoredPasskey } from '../../../app/ports/staff-accounts.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Queryable } from '../database/database.js';

interface AccountRow {
  id: string;
  name: string;
  role: StaffRole;
  meldkamer_code: string | null;
  gemeente_code: string | null;
  email: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: string | number | null;
  passkeys: number;
  revoked_at: Date | null;
  created_at: Date;
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

const COLUMNS = `s.id, s.name, s.role, s.meldkamer_code, s.gemeente_code, s.email, s.password_hash, s.totp_secret,
  s.totp_last_step, s.revoked_at, s.created_at, s.oidc_issuer, s.oidc_subject,
  (select count(*)::int from staff_passkeys p where p.staff_id = s.id) as passkeys`;

/** The TOTP seed is sealed in the database (SecretBox), bound to its account. */
function toAccount(r: AccountRow, secrets: SecretBox): StaffAccount | null {
  const scope = scopeOf(r.role, r.meldkamer_code, r.gemeente_code);
  if (scope === null) return null;
  return {
    staff: { id: r.id, name: r.name, role: r.role, scope },
    email: r.email,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret === null ? null : secrets.open('staff.totp_secret', r.id, r.totp_secret),
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    passkeys: r.passkeys,
    active: r.revoked_at === null,
    createdAt: new Date(r.created_at),
    oidcIssuer: r.oidc_issuer,
    oidcSubject: r.oidc_subject,
  };
}

interface PasskeyRow {
  credential_id: string;
  staff_id: string;
  public_key: string;
  sign_count: string | number;
  transports: string[];
  label: string;
  created_at: Date;
  last_used_at: Date | null;
}

function toPasskey(r: PasskeyRow): StoredPasskey {
  return {
    credentialId: r.credential_id,
    staffId: r.staff_id,
    publicKey: r.public_key,
    signCount: Number(r.sign_count),
    transports: r.transports,
    label: r.label,
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
  };
}

export function createSqlStaffAccounts(db: Queryable, secrets: SecretBox): StaffAccounts {
  const one = async (where: string, params: unknown[]) => {
    const [row] = await db.query<AccountRow>(`select ${COLUMNS} from staff s where ${where}`, params);
    return row ? toAccount(row, secrets) : null;
  };
  return {
    findByEmail: (email) => one('s.email = $1', [email.toLowerCase()]),
    findById: (id) => one('s.id = $1', [id]),
    findByActivation: (hash, now) =>
      one('s.activation_hash = $1 and s.activation_expires_at > $2 and s.revoked_at is null', [hash, now]),
    findByOidcIdentity: (issuer, subject) => one('s.oidc_issuer = $1 and s.oidc_subject = $2', [issuer, subject]),
    async create(a) {
      await db.execute(
        `insert into staff (id, name, role, meldkamer_code, gemeente_code, email, activation_hash, activation_expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          a.id,
          a.name,
          a.role,
          a.meldkamerCode,
          a.gemeenteCode,
          a.email.toLowerCase(),
          a.activationHash,
          a.activationExpiresAt,
        ],
      );
    },
    async list(filter) {
      const rows = await db.query<AccountRow>(
        `select ${COLUMNS} from staff s
         where ($1::text is null or s.meldkamer_code = $1) and ($2::text is null or s.gemeente_code = $2)
           and ($3 or s.revoked_at is null)
         order by s.revoked_at is not null, s.name limit 2000`,
        [filter.meldkamerCode, filter.gemeenteCode, filter.includeRevoked],
      );
      return rows.map((r) => toAccount(r, secrets)).filter((a): a is StaffAccount => a !== null);
    },
    async setPassword(id, hash, at) {
      await db.execute('update staff set password_hash = $2, password_changed_at = $3 where id = $1', [id, hash, at]);
    },
    async setActivation(id, hash, expiresAt) {
      await db.execute('update staff set activation_hash = $2, activation_expires_at = $3 where id = $1', [
        id,
        hash,
        expiresAt,
      ]);
    },
    async setTotpSecret(id, secret, at) {
      await db.execute(
        'update staff set totp_secret = $2, totp_enrolled_at = $3, totp_last_step = null where id = $1',
        [id, secret === null ? null : secrets.seal('staff.totp_secret', id, secret), secret === null ? null : at],
      );
    },
    async useTotpStep(id, step) {
      const changed = await db.execute(
        'update staff set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)',
        [id, step],
      );
      return changed === 1;
    },
    async bindOidcIdentity(id, issuer, subject) {
      // The partial unique index (oidc_issuer, oidc_subject) keeps one identity from two accounts.
      const changed = await db.execute(
        'update staff set oidc_issuer = $2, oidc_subject = $3 where id = $1 and oidc_subject is null',
        [id, issuer, subject],
      );
      return changed === 1;
    },
    async unbindOidcIdentity(id) {
      await db.execute('update staff set oidc_issuer = null, oidc_subject = null where id = $1', [id]);
    },
    async changeRole(id, role, meldkamerCode, gemeenteCode) {
      await db.execute('update staff set role = $2, meldkamer_code = $3, gemeente_code = $4 where id = $1', [
        id,
        role,
        meldkamerCode,
        gemeenteCode,
      ]);
    },
    async revoke(id, by, at) {
      await db.execute(
        'update staff set revoked_at = $3, revoked_by = $2, activation_hash = null where id = $1 and revoked_at is null',
        [id, by, at],
      );
      await db.execute('update api_tokens set revoked_at = $2 where staff_id = $1 and revoked_at is null', [id, at]);
    },
    async listPasskeys(staffId) {
      const rows = await db.query<PasskeyRow>('select * from staff_passkeys where staff_id = $1 order by created_at', [
        staffId,
      ]);
      return rows.map(toPasskey);
    },
    async findPasskey(credentialId) {
      const [row] = await db.query<PasskeyRow>('select * from staff_passkeys where credential_id = $1', [credentialId]);
      return row ? toPasskey(row) : null;
    },
    async addPasskey(p) {
      await db.execute(
        `insert into staff_passkeys (credential_id, staff_id, public_key, sign_count, transports, label, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [p.credentialId, p.staffId, p.publicKey, p.signCount, JSON.stringify(p.transports), p.label, p.createdAt],
      );
    },
    async usePasskey(credentialId, signCount, at) {
      await db.execute('update staff_passkeys set sign_count = $2, last_used_at = $3 where credential_id = $1', [
        credentialId,
        signCount,
        at,
      ]);
    },
    async removePasskey(staffId, credentialId) {
      return (
        (await db.execute('delete from staff_passkeys where staff_id = $1 and credential_id = $2', [
          staffId,
          credentialId,
        ])) === 1
      );
    },
  };
}
