import { z } from 'zod';
import { out, pub } from '../api/fields';

export const KIND_MODES = ['volunteer', 'desk'] as const;
export type KindMode = (typeof KIND_MODES)[number];

/**
 * The built-in service kinds of a village centre (the Sylva seed lists 18 directions, from printing
 * documents to master classes). Their names are translated in the `catalogue` namespace
 * (kinds.<code>); a centre's own kinds carry the name the centre typed.
 */
export const BUILT_IN_KINDS = [
  { code: 'firewood', isPaid: false, mode: 'volunteer' },
  { code: 'snowClearing', isPaid: false, mode: 'volunteer' },
  { code: 'medicinePurchase', isPaid: false, mode: 'volunteer' },
  { code: 'groceries', isPaid: false, mode: 'volunteer' },
  { code: 'transportDoctor', isPaid: false, mode: 'volunteer' },
  { code: 'householdRepairs', isPaid: false, mode: 'volunteer' },
  { code: 'checkIn', isPaid: false, mode: 'volunteer' },
  { code: 'waterCarrying', isPaid: false, mode: 'volunteer' },
  { code: 'printing', isPaid: true, mode: 'desk' },
  { code: 'copies', isPaid: true, mode: 'desk' },
  { code: 'lamination', isPaid: true, mode: 'desk' },
  { code: 'documentPhotos', isPaid: true, mode: 'desk' },
  { code: 'formTyping', isPaid: true, mode: 'desk' },
  { code: 'formsHelp', isPaid: false, mode: 'desk' },
  { code: 'onlineServices', isPaid: false, mode: 'desk' },
  { code: 'legalConsultation', isPaid: false, mode: 'desk' },
  { code: 'psychConsultation', isPaid: false, mode: 'desk' },
  { code: 'humanitarianAid', isPaid: false, mode: 'desk' },
  { code: 'masterClass', isPaid: false, mode: 'desk' },
] as const satisfies ReadonlyArray<{ code: string; isPaid: boolean; mode: KindMode }>;
export type BuiltInKindCode = (typeof BUILT_IN_KINDS)[number]['code'];

/** A kind of the catalogue (output; every field public: names of things). */
export const serviceKindSchema = out({
  id: pub(z.number()),
  /** Built-in kinds have a code (translated name); the centre's own kinds have a name. */
  code: pub(z.string().nullable()),
  name: pub(z.string().nullable()),
  isPaid: pub(z.boolean()),
  mode: pub(z.enum(KIND_MODES)),
  archived: pub(z.boolean()),
  inUse: pub(z.boolean()),
});
export type ServiceKind = z.output<typeof serviceKindSchema>;

export const kindInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  isPaid: z.boolean().default(false),
  mode: z.enum(KIND_MODES).default('desk'),
});
