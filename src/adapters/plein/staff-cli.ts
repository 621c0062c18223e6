import { randomUUID } from 'node:crypto';
import { InvalidArgumentError, type Command } from 'commander';
import { scopeOf, STAFF_ROLES, type StaffRole } from '../../domain/staff/staff.js';
import type { Database } from '../store/database/database.js';
import { createStore } from '../store/create-store.js';
import { createSecretTokens } from '../auth/secret-tokens.js';

/**
 * `staff invite` and `staff revoke`: portal accounts from the command line (the first beheer account of a
 * new installation, or an emergency revocation). Audited with actor "cli".
 */
export function addStaffPortalCommands(staff: Command, withDatabase: <T>(work: (db: Database) => Promise<T>) => Promise<T>, activationHours: number, publicUrl: string): void {
  staff
    .command('invite')
    .description('Maak een portaalaccount aan en toon de activeringslink (wachtwoord en tweede stap kiest de medewerker zelf)')
    .requiredOption('--name <naam>', 'naam')
    .requiredOption('--email <adres>', 'e-mailadres (inlognaam)')
    .requiredOption('--role <rol>', `rol: ${STAFF_ROLES.join(', ')}`)
    .option('--meldkamer <code>', 'meldkamer (RE01–RE10) voor centralist en meldkamer-beheer')
    .option('--gemeente <code>', 'gemeentecode (GM....) voor gemeente en gemeente-beheer')
    .action(async (o: { name: string; email: string; role: string; meldkamer?: string; gemeente?: string }) => {
      if (!STAFF_ROLES.includes(o.role as StaffRole)) throw new InvalidArgumentError(`Onbekende rol "${o.role}".`);
      const scope = scopeOf(o.role as StaffRole, o.meldkamer ?? null, o.gemeente ?? null);
      if (scope === null) throw new InvalidArgumentError(`De rol ${o.role} hoort bij een ${o.role.startsWith('gemeente') ? 'gemeente: geef --gemeente GM....' : 'meldkamer: geef --meldkamer RE..'}`);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.email) || o.email.length > 254) throw new InvalidArgumentError('Geef een geldig e-mailadres.');
      await withDatabase(async (db) => {
        const store = createStore(db);
        if ((await store.staffAccounts.findByEmail(o.email)) !== null) throw new InvalidArgumentError('Er is al een account met dit e-mailadres.');
        const tokens = createSecretTokens();
        const token = tokens.newToken();
        const id = randomUUID();
        const now = new Date();
        const meldkamerCode = scope.kind === 'meldkamer' ? scope.meldkamerCode : null;
        const gemeenteCode = scope.kind === 'gemeente' ? scope.gemeenteCode : null;
        await store.transaction(async (s) => {
          await s.staffAccounts.create({ id, name: o.name, email: o.email, role: o.role as StaffRole, meldkamerCode, gemeenteCode, activationHash: tokens.hash(token), activationExpiresAt: new Date(now.getTime() + activationHours * 3_600_000) });
          await s.audit.append({ actorId: null, actorName: 'cli', event: 'staff.created', subjectType: 'staff', subjectId: id, details: { role: o.role, meldkamerCode, gemeenteCode }, at: now });
        });
        process.stdout.write(`Account voor ${o.name} (${o.role}) aangemaakt.\nActiveringslink (${activationHours} uur geldig, eenmalig te gebruiken):\n${publicUrl}/plein/activeren/${token}\n`);
      });
    });
  staff
    .command('revoke')
    .description('Trek een account in: sessies en toegangssleutels vervallen direct')
    .requiredOption('--id <uuid>', 'id van de medewerker (zie staff list)')
    .action(async (o: { id: string }) => {
      if (!/^[0-9a-f-]{36}$/.test(o.id)) throw new InvalidArgumentError('Geef het id van de medewerker (zie staff list).');
      await withDatabase(async (db) => {
        const store = createStore(db);
        const account = await store.staffAccounts.findById(o.id);
        if (account === null || !account.active) throw new InvalidArgumentError('Geen actieve medewerker met dit id.');
        const now = new Date();
        await store.transaction(async (s) => {
          await s.staffAccounts.revoke(o.id, null, now);
          await s.staffSessions.endAllOf(o.id, 'revoked', now);
          await s.audit.append({ actorId: null, actorName: 'cli', event: 'staff.revoked', subjectType: 'staff', subjectId: o.id, details: { role: account.staff.role }, at: now });
        });
        process.stdout.write(`Account van ${account.staff.name} ingetrokken.\n`);
      });
    });
}
