import { z } from 'zod';
import { jsonText } from '../../../config-json.js';

/**
 * SMSC connection profiles. Each SMS part is stored with the name of the profile it went to, and a receipt finds
 * its part only under the name of the profile it came in on: an SMSC's message ids are its own, and another SMSC
 * (or the same one after a restart) hands out the same ones. So a name must stay the same for as long as
 * receipts may come (SMS_RECEIPT_WINDOW_HOURS), also when the SMSC's address changes.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9.:_-]{0,63}$/;
const NAME_RULE = 'a name is 1-64 letters, digits and . : _ - (starting with a letter or digit)';

export const smscProfileNameSchema = z.string().regex(NAME, NAME_RULE);

/** SMPP_PROFILE: empty for the default name (defaultProfileName). */
export const primaryProfileNameSchema = z.union([z.literal(''), smscProfileNameSchema]).default('');

export const MAX_SMSC_PRIORITY = 99;

/**
 * Which profile gets new SMS: 1 first, the next while it is down (failover). "none": bound only for the receipts of
 * what went there before (the previous provider after a change). Without one, the order as listed.
 */
export const smscPriorityValueSchema = z.union([z.number().int().min(1).max(MAX_SMSC_PRIORITY), z.literal('none')]);

export const smscProfileSchema = z
  .object({
    name: smscProfileNameSchema,
    priority: smscPriorityValueSchema.optional(),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
    systemId: z.string().max(15),
    password: z.string().max(8),
    systemType: z.string().max(12).default(''),
  })
  .strict();

export type SmscProfileConfig = z.infer<typeof smscProfileSchema>;

export const MAX_SECONDARY_PROFILES = 8;

/** SMPP_SECONDARY_PROFILES: a JSON array; passwords are in it, so no message repeats a value. */
export const secondaryProfilesSchema = z
  .string()
  .default('[]')
  .transform(jsonText)
  .pipe(
    z
      .array(smscProfileSchema)
      .max(MAX_SECONDARY_PROFILES, `at most ${MAX_SECONDARY_PROFILES} profiles`)
      .superRefine((profiles, ctx) => {
        profiles.forEach((profile, index) => {
          if (profiles.findIndex((p) => p.name === profile.name) !== index) {
            ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `name ${profile.name} is used twice` });
          }
        });
      }),
  );

/**
 * The priority of each profile: the primary's (SMPP_PRIORITY), then each secondary's own or, without one, its place
 * in the list after the primary (2, 3, …). null: receipts only.
 */
export function profilePriorities(
  primary: number,
  secondaries: readonly Pick<SmscProfileConfig, 'priority'>[],
): (number | null)[] {
  return [
    primary,
    ...secondaries.map((s, index) =>
      s.priority === 'none' ? null : (s.priority ?? Math.min(MAX_SMSC_PRIORITY, index + 2)),
    ),
  ];
}

/** Where the SMSC is and who we are there: "smsc.example.nl:2775:burgernet". */
export function defaultProfileName(host: string, port: number, systemId: string): string {
  return `${host}:${port}:${systemId}`;
}
