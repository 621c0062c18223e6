import { z } from 'zod';
import { CONTACT_CHANNELS } from '../../../domain/participant/registration.js';
import { validateTimeWindow, WEEKDAYS } from '../../../domain/time-window/time-window.js';
import type { ParticipantWithRegistrations, StoredRegistration } from '../../../app/ports/participant-repository.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Gebruik UU:MM, bijvoorbeeld 08:30');

export const timeWindowSchema = z
  .object({ day: z.enum(WEEKDAYS), from: hhmm, to: hhmm })
  .strict()
  .superRefine((window, ctx) => {
    const checked = validateTimeWindow(window);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error.message });
  });

export const registrationBody = z
  .object({
    phone: z.string().trim().min(6).max(25).describe('Telefoonnummer, bijvoorbeeld 06 12345678 of +31612345678'),
    channel: z.enum(CONTACT_CHANNELS),
    postcode: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s+/g, '').toUpperCase())
      .pipe(
        z.string().regex(/^[1-9]\d{3}[A-Z]{2}$/, 'Een postcode is vier cijfers en twee letters, bijvoorbeeld 1012 AB'),
      ),
    houseNumber: z.number().int().min(1).max(99_999),
    houseNumberAddition: z
      .string()
      .trim()
      .min(1)
      .max(10)
      .regex(/^[A-Za-z0-9 -]+$/)
      .nullable()
      .optional(),
    timeWindows: z.array(timeWindowSchema).max(50).default([]).describe('Leeg: altijd'),
  })
  .strict();

export const participantBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();

export const createParticipantBody = participantBody
  .extend({ registrations: z.array(registrationBody).min(1).max(10) })
  .strict();

export const participantIdParams = z.object({ id: z.uuid() }).strict();
export const registrationIdParams = z.object({ id: z.uuid(), registrationId: z.uuid() }).strict();

/** Why personal data is read: kept in the audit log with every read. */
export const purposeQuery = z
  .object({ purpose: z.string().trim().min(3).max(200).describe('Waarom u deze gegevens inziet') })
  .strict();

export const searchParticipantsQuery = purposeQuery
  .extend({
    q: z.string().trim().min(2).max(100).optional(),
    phone: z.string().trim().min(6).max(25).optional(),
    gemeenteCode: z
      .string()
      .regex(/^GM\d{4}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export function registrationJson(r: StoredRegistration) {
  return {
    id: r.id,
    phone: r.msisdn,
    channel: r.channel,
    postcode: r.address.postcode,
    houseNumber: r.address.houseNumber,
    houseNumberAddition: r.address.houseNumberAddition,
    street: r.street,
    city: r.city,
    gemeenteCode: r.gemeenteCode,
    location: r.location,
    timeWindows: r.timeWindows,
    createdAt: r.createdAt,
  };
}

export function participantJson(p: ParticipantWithRegistrations) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    registrations: p.registrations.map(registrationJson),
  };
}
