import { z } from 'zod';
import { isValidPhone } from './phone';
import { contact, health, identity, out, pub } from '../api/fields';
import { householdBriefSchema } from './household-brief';

export const SITUATIONS = ['livesAlone', 'pensioner', 'disability', 'familyInDifficulty', 'displaced'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const MIN_BIRTH_YEAR = 1900;

/** Validation messages are i18n keys in the `common` namespace (validation.*). */
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const requiredText = (max: number) => z.string('validation.required').trim().max(max, 'validation.tooLong').min(1, 'validation.required');

export const phoneSchema = z
  .string()
  .trim()
  .max(40, 'validation.tooLong')
  .refine((v) => isValidPhone(v), 'validation.phone');

export const residentInputSchema = z.object({
  lastName: requiredText(100),
  firstName: requiredText(100),
  patronymic: text(100).default(''),
  birthYear: z
    .number('validation.number')
    .int('validation.number')
    .min(MIN_BIRTH_YEAR, 'validation.birthYear')
    .refine((y) => y <= new Date().getFullYear(), 'validation.birthYear')
    .nullable()
    .default(null),
  settlement: text(100).default(''),
  street: text(150).default(''),
  house: text(20).default(''),
  flat: text(20).default(''),
  phones: z.array(phoneSchema).max(5, 'validation.tooMany').default([]),
  situations: z.array(z.enum(SITUATIONS)).max(SITUATIONS.length).default([]),
  householdSize: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(30, 'validation.range').nullable().default(null),
  regularCare: z.boolean().default(false),
  /** On the snow-clearing list: a snow day makes a task for them. */
  needsSnowClearing: z.boolean().default(false),
  checkinIntervalDays: z
    .number('validation.number')
    .int('validation.number')
    .min(1, 'validation.range')
    .max(365, 'validation.range')
    .nullable()
    .default(null),
  notes: text(4000).default(''),
  /**
   * Health-related needs ("insulin, needs help with stairs"): saved only while a consent covering
   * health is in force (privacy feature). Left out (undefined) = unchanged, so a form or role that
   * never sees the field cannot clear it by accident.
   */
  healthNeeds: text(1000).optional(),
});
export type ResidentInput = z.input<typeof residentInputSchema>;
export type ResidentData = z.output<typeof residentInputSchema>;

// Outputs: every field with its field group (shared/api/fields.ts). Names and birth years are
// identity; the address and phones contact; situations, household size, notes and health needs
// health (the treasurer receives none of the last two groups).

const str = z.string();
const num = z.number();

export const residentSummarySchema = out({
  id: pub(num),
  fullName: identity(str),
  birthYear: identity(num.nullable()),
  address: contact(str),
  settlement: contact(str),
  phones: contact(z.array(str)),
  regularCare: pub(z.boolean()),
  /** The household they live in now (its size, head and first members), or null. */
  household: pub(householdBriefSchema.nullable()),
});
export type ResidentSummary = z.output<typeof residentSummarySchema>;

export const residentSchema = out({
  id: pub(num),
  lastName: identity(str),
  firstName: identity(str),
  patronymic: identity(str),
  birthYear: identity(num.nullable()),
  settlement: contact(str),
  street: contact(str),
  house: contact(str),
  flat: contact(str),
  phones: contact(z.array(str)),
  situations: health(z.array(z.enum(SITUATIONS))),
  householdSize: health(num.nullable()),
  regularCare: pub(z.boolean()),
  /** On the snow-clearing list: a snow day makes a task for them. */
  needsSnowClearing: pub(z.boolean()),
  checkinIntervalDays: pub(num.nullable()),
  notes: health(str),
  /** Moved away or died: their plans have ended; the history stays. */
  leftOn: pub(str.nullable()),
  leftReason: pub(z.enum(['moved', 'deceased']).nullable()),
  /** '' unless a consent covering health is in force (then what was recorded). */
  healthNeeds: health(str),
  /** A consent covering health-related needs is in force: the field may be filled in. */
  healthConsent: health(z.boolean()),
  /** Set when the person was erased: the name is a placeholder ("Erased 000123"). */
  erasedAt: pub(str.nullable()),
  fullName: identity(str),
  address: contact(str),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Resident = z.output<typeof residentSchema>;

export function fullName(p: { lastName: string; firstName: string; patronymic: string }): string {
  return [p.lastName, p.firstName, p.patronymic].filter((s) => s.length > 0).join(' ');
}

/** "Sylva, Lenina 12-4": settlement, street, house and flat as a centre writes an address. */
export function formatAddress(p: { settlement: string; street: string; house: string; flat: string }): string {
  const houseFlat = [p.house, p.flat].filter((s) => s.length > 0).join('-');
  const streetPart = [p.street, houseFlat].filter((s) => s.length > 0).join(' ');
  return [p.settlement, streetPart].filter((s) => s.length > 0).join(', ');
}
