import { z } from 'zod';
import { isValidPhone } from './phone';

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

export interface ResidentSummary {
  id: number;
  fullName: string;
  birthYear: number | null;
  address: string;
  settlement: string;
  phones: string[];
  regularCare: boolean;
}

export interface Resident extends ResidentData {
  id: number;
  /** Moved away or died: their plans have ended; the history stays. */
  leftOn: string | null;
  leftReason: 'moved' | 'deceased' | null;
  /** '' unless a consent covering health is in force (then what was recorded). */
  healthNeeds: string;
  /** A consent covering health-related needs is in force: the field may be filled in. */
  healthConsent: boolean;
  /** Set when the person was erased: the name is a placeholder ("Erased 000123"). */
  erasedAt: string | null;
  fullName: string;
  address: string;
  createdAt: string;
  updatedAt: string;
}

export function fullName(p: { lastName: string; firstName: string; patronymic: string }): string {
  return [p.lastName, p.firstName, p.patronymic].filter((s) => s.length > 0).join(' ');
}

/** "Sylva, Lenina 12-4": settlement, street, house and flat as a centre writes an address. */
export function formatAddress(p: { settlement: string; street: string; house: string; flat: string }): string {
  const houseFlat = [p.house, p.flat].filter((s) => s.length > 0).join('-');
  const streetPart = [p.street, houseFlat].filter((s) => s.length > 0).join(' ');
  return [p.settlement, streetPart].filter((s) => s.length > 0).join(', ');
}
