import type { Audience } from '../../domain/mail/audience.js';
import type { MailError } from '../../domain/mail/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { mayManageMail, mayReadAnswers, mayUseTemplate, ownerOf } from '../../domain/mail/mail-access.js';
import { checkFields, type FieldValues } from '../../domain/mail/mail-fields.js';
import { mayEdit } from '../../domain/mail/mail-status.js';
import { checkTemplate } from '../../domain/mail/mail-template.js';
import type { Mail } from '../../domain/mail/mail.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { MailDeps } from './mail-deps.js';
import { auditDenied, auditMail } from './mail-audit.js';
import { checkMailAudience } from './mail-audience.js';

export interface MailInput {
  readonly templateId: string;
  readonly fields: FieldValues;
  readonly audience: Audience;
  /** The template's subject and body unless the sender changed them (plain text with the same placeholders). */
  readonly subject?: string | undefined;
  readonly body?: string | undefined;
  readonly answerDays?: number | undefined;
}

export const MAX_ANSWER_DAYS = 90;

/** The mail for a staff member who may see it (its organisation, or safety staff of a gemeente it reached). */
export async function viewMail(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  id: string,
): Promise<Result<Mail, MailError>> {
  const mail = await deps.store.mails.findMail(id);
  if (mail === null) return fail({ code: 'mail.not-found' });
  if (!mayReadAnswers(staff, mail)) {
    await auditDenied(deps.store.audit, staff, 'view', id, {}, deps.clock.now());
    return fail({ code: 'mail.outside-scope' });
  }
  return ok(mail);
}

/** The mail for a staff member of its organisation, who may change, send or stop it. */
export async function ownMail(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  id: string,
  attempted: string,
): Promise<Result<Mail, MailError>> {
  const mail = await deps.store.mails.findMail(id);
  if (mail === null) return fail({ code: 'mail.not-found' });
  if (!mayManageMail(staff, mail)) {
    await auditDenied(deps.store.audit, staff, attempted, id, {}, deps.clock.now());
    return fail({ code: 'mail.outside-scope' });
  }
  return ok(mail);
}

export async function listMails(deps: Pick<MailDeps, 'store'>, staff: Staff, limit = 100): Promise<Mail[]> {
  const own = ownerOf(staff);
  return deps.store.mails.listMails({
    owners: own.kind === 'landelijk' ? 'all' : [own],
    reachingGemeente: staff.scope.kind === 'gemeente' ? staff.scope.gemeenteCode : null,
    limit,
  });
}

async function checkInput(
  deps: Pick<MailDeps, 'store' | 'clock' | 'gemeenten'>,
  staff: Staff,
  input: MailInput,
  mailId: string | null,
): Promise<Result<{ readonly subject: string; readonly body: string; readonly kind: Mail['kind'] }, MailError>> {
  const template = await deps.store.mails.findTemplate(input.templateId);
  if (template === null || !mayUseTemplate(staff, template.owner)) return fail({ code: 'mail.template-not-found' });
  const subject = (input.subject ?? template.subject).trim();
  const body = input.body ?? template.body;
  const problem = checkTemplate({ name: template.name, subject, body });
  if (problem !== null) return fail({ code: 'mail.invalid-template', problem });
  const fieldProblems = checkFields(template.kind, input.fields, false);
  if (Object.keys(fieldProblems).length > 0) return fail({ code: 'mail.invalid-fields', problems: fieldProblems });
  const audience = await checkMailAudience(deps, staff, input.audience, mailId);
  if (!audience.ok) return fail(audience.error);
  return ok({ subject, body, kind: template.kind });
}

/** A new draft from a template: checked, in the staff member's own scope, audited. */
export async function createMail(
  deps: Pick<MailDeps, 'store' | 'clock' | 'ids' | 'gemeenten' | 'settings'>,
  staff: Staff,
  input: MailInput,
): Promise<Result<Mail, MailError>> {
  const checked = await checkInput(deps, staff, input, null);
  if (!checked.ok) return checked;
  const at = deps.clock.now();
  const mail = await deps.store.transaction(async (s) => {
    const m: Mail = {
      id: deps.ids.newId(),
      number: await s.mails.nextMailNumber(at),
      kind: checked.value.kind,
      templateId: input.templateId,
      owner: ownerOf(staff),
      subject: checked.value.subject,
      body: checked.value.body,
      fields: cleanFields(input.fields),
      audience: input.audience,
      status: 'draft',
      scheduledAt: null,
      answerDays: Math.min(MAX_ANSWER_DAYS, Math.max(1, input.answerDays ?? deps.settings.answerDays)),
      createdAt: at,
      createdBy: { id: staff.id, name: staff.name },
      updatedAt: at,
      version: 1,
      queuedAt: null,
      finishedAt: null,
      stoppedAt: null,
      gemeenteCodes: [],
      figures: {
        recipients: 0,
        sent: 0,
        delivered: 0,
        bounced: 0,
        failed: 0,
        skipped: 0,
        cancelled: 0,
        unsubscribed: 0,
        answered: 0,
      },
    };
    await s.mails.insertMail(m);
    await auditMail(
      s.audit,
      staff,
      m.id,
      { event: 'mail.created', details: { number: m.number, kind: m.kind, audience: m.audience } },
      at,
    );
    return m;
  });
  return ok(mail);
}

/** Changes a draft (only a draft, only by its organisation, only the version the sender saw). */
export async function changeMail(
  deps: Pick<MailDeps, 'store' | 'clock' | 'gemeenten' | 'settings'>,
  staff: Staff,
  id: string,
  version: number,
  input: MailInput,
): Promise<Result<Mail, MailError>> {
  const current = await ownMail(deps, staff, id, 'change');
  if (!current.ok) return current;
  if (!mayEdit(current.value.status)) return fail({ code: 'mail.wrong-status', status: current.value.status });
  const checked = await checkInput(
    deps,
    staff,
    { ...input, templateId: current.value.templateId ?? input.templateId },
    id,
  );
  if (!checked.ok) return checked;
  const at = deps.clock.now();
  const changed = await deps.store.transaction(async (s) => {
    const done = await s.mails.updateDraft(
      id,
      {
        subject: checked.value.subject,
        body: checked.value.body,
        fields: cleanFields(input.fields),
        audience: input.audience,
        answerDays: Math.min(MAX_ANSWER_DAYS, Math.max(1, input.answerDays ?? current.value.answerDays)),
      },
      version,
      at,
    );
    if (done) await auditMail(s.audit, staff, id, { event: 'mail.changed', details: { audience: input.audience } }, at);
    return done;
  });
  if (!changed) return fail({ code: 'mail.stale-version' });
  return ok((await deps.store.mails.findMail(id))!);
}

function cleanFields(fields: FieldValues): FieldValues {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
}
