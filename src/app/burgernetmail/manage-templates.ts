import { mayChangeTemplate, mayUseTemplate, ownerOf } from '../../domain/mail/mail-access.js';
import type { MailError } from '../../domain/mail/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { MAIL_KINDS, type MailKind } from '../../domain/mail/mail-kind.js';
import { checkTemplate, type MailTemplate, type TemplateOwner } from '../../domain/mail/mail-template.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { MailSender } from '../ports/mail-store.js';
import type { MailDeps } from './mail-deps.js';
import { auditDenied, auditMail } from './mail-audit.js';

export interface TemplateInput {
  readonly kind: MailKind;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
}

/** The national templates, written once from the catalogue when there are none yet (a new database). */
export async function ensureNationalTemplates(
  deps: Pick<MailDeps, 'store' | 'clock' | 'ids' | 'texts'>,
): Promise<number> {
  const existing = new Set((await deps.store.mails.listTemplates([{ kind: 'landelijk' }])).map((t) => t.kind));
  let added = 0;
  for (const kind of MAIL_KINDS) {
    if (existing.has(kind)) continue;
    const t = deps.texts.nationalTemplates[kind];
    await deps.store.mails.saveTemplate(
      {
        id: deps.ids.newId(),
        kind,
        owner: { kind: 'landelijk' },
        name: t.name,
        subject: t.subject,
        body: t.body,
        updatedAt: deps.clock.now(),
      },
      null,
    );
    added += 1;
  }
  return added;
}

/** The national templates and the staff member's own organisation's (landelijk beheer: all). */
export async function listTemplates(deps: Pick<MailDeps, 'store'>, staff: Staff): Promise<MailTemplate[]> {
  const own = ownerOf(staff);
  return deps.store.mails.listTemplates(own.kind === 'landelijk' ? 'all' : [{ kind: 'landelijk' }, own]);
}

export async function findTemplate(
  deps: Pick<MailDeps, 'store'>,
  staff: Staff,
  id: string,
): Promise<Result<MailTemplate, MailError>> {
  const template = await deps.store.mails.findTemplate(id);
  if (template === null || !mayUseTemplate(staff, template.owner)) return fail({ code: 'mail.template-not-found' });
  return ok(template);
}

/** A new template of the staff member's own organisation (landelijk beheer: a national one). */
export async function createTemplate(
  deps: Pick<MailDeps, 'store' | 'clock' | 'ids'>,
  staff: Staff,
  input: TemplateInput,
): Promise<Result<MailTemplate, MailError>> {
  const problem = checkTemplate(input);
  if (problem !== null) return fail({ code: 'mail.invalid-template', problem });
  const at = deps.clock.now();
  const template: MailTemplate = {
    id: deps.ids.newId(),
    kind: input.kind,
    owner: ownerOf(staff),
    name: input.name.trim(),
    subject: input.subject.trim(),
    body: input.body,
    updatedAt: at,
  };
  await deps.store.transaction(async (s) => {
    await s.mails.saveTemplate(template, staff.id);
    await auditMail(
      s.audit,
      staff,
      null,
      { event: 'mail.template-created', details: { templateId: template.id, kind: template.kind } },
      at,
    );
  });
  return ok(template);
}

export async function changeTemplate(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  id: string,
  input: Omit<TemplateInput, 'kind'>,
): Promise<Result<MailTemplate, MailError>> {
  const current = await deps.store.mails.findTemplate(id);
  if (current === null || !mayUseTemplate(staff, current.owner)) return fail({ code: 'mail.template-not-found' });
  const at = deps.clock.now();
  if (!mayChangeTemplate(staff, current.owner)) {
    await auditDenied(deps.store.audit, staff, 'template.change', null, { templateId: id }, at);
    return fail({ code: 'mail.outside-scope' });
  }
  const problem = checkTemplate(input);
  if (problem !== null) return fail({ code: 'mail.invalid-template', problem });
  const template: MailTemplate = {
    ...current,
    name: input.name.trim(),
    subject: input.subject.trim(),
    body: input.body,
    updatedAt: at,
  };
  await deps.store.transaction(async (s) => {
    await s.mails.saveTemplate(template, staff.id);
    await auditMail(
      s.audit,
      staff,
      null,
      { event: 'mail.template-changed', details: { templateId: id, kind: template.kind } },
      at,
    );
  });
  return ok(template);
}

export async function deleteTemplate(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  id: string,
): Promise<Result<null, MailError>> {
  const current = await deps.store.mails.findTemplate(id);
  if (current === null || !mayUseTemplate(staff, current.owner)) return fail({ code: 'mail.template-not-found' });
  const at = deps.clock.now();
  if (!mayChangeTemplate(staff, current.owner)) {
    await auditDenied(deps.store.audit, staff, 'template.delete', null, { templateId: id }, at);
    return fail({ code: 'mail.outside-scope' });
  }
  await deps.store.transaction(async (s) => {
    await s.mails.deleteTemplate(id);
    await auditMail(
      s.audit,
      staff,
      null,
      { event: 'mail.template-deleted', details: { templateId: id, kind: current.kind } },
      at,
    );
  });
  return ok(null);
}

const EMAIL = /^[^\s@<>()",;:\\[\]]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export async function senderOf(deps: Pick<MailDeps, 'store'>, owner: TemplateOwner): Promise<MailSender> {
  return (await deps.store.mails.findSender(owner)) ?? { senderName: null, replyTo: null };
}

/** The organisation's sender name and Reply-To address (beheer). */
export async function changeSender(
  deps: Pick<MailDeps, 'store' | 'clock'>,
  staff: Staff,
  sender: MailSender,
): Promise<Result<MailSender, MailError>> {
  const replyTo = sender.replyTo?.trim() || null;
  const senderName = sender.senderName?.trim() || null;
  if (
    (replyTo !== null && (!EMAIL.test(replyTo) || replyTo.length > 254)) ||
    (senderName !== null && (senderName.length > 80 || /[\r\n<>"]/.test(senderName)))
  ) {
    return fail({ code: 'mail.invalid-reply-to' });
  }
  const at = deps.clock.now();
  const owner = ownerOf(staff);
  await deps.store.transaction(async (s) => {
    await s.mails.saveSender(owner, { senderName, replyTo }, at, staff.id);
    await auditMail(
      s.audit,
      staff,
      null,
      { event: 'mail.sender-changed', details: { owner, replyTo: replyTo !== null } },
      at,
    );
  });
  return ok({ senderName, replyTo });
}
