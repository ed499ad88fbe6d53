/**
 * In-kind aid (issue 12): items the centre hands out (pairs of children's shoes by size, food
 * parcels, hygiene kits, blankets, firewood), their stock, and every movement of it: received
 * (from whom, optional value for the treasurer), given (to a resident, a household, or as a head
 * count at an event or outing), adjusted with a reason (spoiled, counted), and corrections. The
 * history is never edited: a wrong movement is corrected by a new one that refers to it.
 *
 * Quantities are whole numbers of the item's unit. A size or variant (shoes size 28) is part of the
 * item: "Children's shoes", size "28" and size "30" are two items, each with its own stock, which
 * is what a shelf count needs. Bulk goods are counted in whole units (kg, l, m³): a centre that
 * hands out half a cubic metre of firewood counts firewood in a smaller unit (sacks).
 * Labels: aid:unit.<code>, aid:kind.<code>, aid:reason.<code>.
 */
import { z } from 'zod';
import { identity, money, out, pub } from '../api/fields';
import { isoDateSchema as isoDate } from './dates';
import { cappedTotalShape, dayCursorInputSchema, dayCursorSchema } from './paging';

export const AID_UNITS = ['piece', 'pair', 'parcel', 'kit', 'bottle', 'pack', 'set', 'kg', 'litre', 'm3'] as const;
export type AidUnit = (typeof AID_UNITS)[number];

/** received: into the stock; given: out of it; adjusted: a count or spoilage; correction: of an earlier movement. */
export const MOVEMENT_KINDS = ['received', 'given', 'adjusted', 'correction'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const ADJUST_REASONS = ['spoiled', 'counted', 'lost', 'other'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

/** The most of one item in one movement (432 pairs of shoes came in a year; a lorry of water). */
export const MAX_QUANTITY = 1_000_000;
/** Lines of one distribution (items handed to one person at once). */
export const MAX_LINES = 30;
/** People counted at one event or outing. */
export const MAX_HEAD_COUNT = 100_000;

const id = z.number().int().positive();
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');
const required = (max: number) => text(max).min(1, 'validation.required');
export const quantitySchema = z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_QUANTITY, 'validation.range');

export const itemInputSchema = z.object({
  name: required(120),
  /** A size or variant ("28", "XL", "for a baby"); '' for none. */
  size: text(40).default(''),
  unit: z.enum(AID_UNITS),
});

/** One line of a distribution: an item and how many. */
export const lineSchema = z.object({ itemId: id, quantity: quantitySchema });
export const linesSchema = z
  .array(lineSchema)
  .min(1, 'validation.required')
  .max(MAX_LINES, 'validation.tooMany')
  .refine((ls) => new Set(ls.map((l) => l.itemId)).size === ls.length, 'validation.duplicate');
export type AidLine = z.output<typeof lineSchema>;

/** The day it happened; default the centre's today; never in the future. */
const on = isoDate.optional();

export const receiveInputSchema = z.object({
  itemId: id,
  on,
  quantity: quantitySchema,
  /** A donor, a partner organisation, a purchase ("bought with the grant"). */
  fromWhom: text(200).default(''),
  /** What it is worth, in minor units of the centre's currency (for the treasurer's in-kind ledger). */
  valueMinor: z.number('validation.number').int('validation.number').min(0, 'validation.range').max(1e12, 'validation.range').nullable().default(null),
  note: text(500).default(''),
});

export const giveInputSchema = z
  .object({
    residentId: id.nullable().default(null),
    householdId: id.nullable().default(null),
    on,
    lines: linesSchema,
    note: text(500).default(''),
    /** The screen showed that the stock is short and the user confirmed giving anyway. */
    confirmBelowZero: z.boolean().default(false),
  })
  .refine((g) => (g.residentId === null) !== (g.householdId === null), { path: ['residentId'], message: 'validation.required' });

export const giveAtEventInputSchema = z.object({
  /** The event or outing it was handed out at (the events feature). */
  eventId: id.nullable().default(null),
  on,
  headCount: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_HEAD_COUNT, 'validation.range'),
  lines: linesSchema,
  note: text(500).default(''),
  confirmBelowZero: z.boolean().default(false),
});

export const adjustInputSchema = z.object({
  itemId: id,
  on,
  /** Added to the stock (a count found more) or taken off it (negative: spoiled, lost). */
  delta: z
    .number('validation.number')
    .int('validation.number')
    .min(-MAX_QUANTITY, 'validation.range')
    .max(MAX_QUANTITY, 'validation.range')
    .refine((d) => d !== 0, 'validation.range'),
  reason: z.enum(ADJUST_REASONS),
  note: text(500).default(''),
  confirmBelowZero: z.boolean().default(false),
});

export const correctInputSchema = z.object({
  movementId: id,
  /** What the quantity should have been (0: it did not happen). */
  quantity: z.number('validation.number').int('validation.number').min(0, 'validation.range').max(MAX_QUANTITY, 'validation.range'),
  note: required(500),
  confirmBelowZero: z.boolean().default(false),
});

export const movementsInputSchema = z.object({ itemId: id, cursor: dayCursorInputSchema.optional(), limit: z.number().int().min(1).max(200).default(50) });

// ---------------------------------------------------------------------------------------------
// Outputs: names of things, quantities and dates public; recipients' names identity; values money.

const str = z.string();
const num = z.number();

export const aidItemSchema = out({
  id: pub(num),
  name: pub(str),
  size: pub(str),
  unit: pub(z.enum(AID_UNITS)),
  /** What is on the shelf now: received − given ± adjustments and corrections. */
  stock: pub(num),
  archived: pub(z.boolean()),
});
export type AidItem = z.output<typeof aidItemSchema>;
export const aidItemsSchema = out({ items: pub(z.array(aidItemSchema)) });

/** What a change answers: its movements and the stock of the items it touched. */
export const aidChangeSchema = out({
  movementIds: pub(z.array(num)),
  items: pub(z.array(aidItemSchema)),
});
export type AidChange = z.output<typeof aidChangeSchema>;

export const movementSchema = out({
  id: pub(num),
  on: pub(str),
  kind: pub(z.enum(MOVEMENT_KINDS)),
  /** The effect on the stock as recorded (given: negative). */
  delta: pub(num),
  /** The effect after its corrections (a correction's own row: its delta). */
  effective: pub(num),
  correctsId: pub(num.nullable()),
  fromWhom: money(str),
  valueMinor: money(num.nullable()),
  currency: pub(str.nullable()),
  residentId: pub(num.nullable()),
  recipientName: identity(str.nullable()),
  householdId: pub(num.nullable()),
  eventId: pub(num.nullable()),
  headCount: pub(num.nullable()),
  reason: pub(z.enum(ADJUST_REASONS).nullable()),
  note: pub(str),
  createdAt: pub(str),
});
export type Movement = z.output<typeof movementSchema>;

export const movementsPageSchema = out({
  item: pub(aidItemSchema),
  rows: pub(z.array(movementSchema)),
  ...cappedTotalShape,
  nextCursor: pub(dayCursorSchema.nullable()),
});

export const residentAidSchema = out({
  rows: pub(
    z.array(
      out({
        movementId: pub(num),
        on: pub(str),
        itemName: pub(str),
        size: pub(str),
        unit: pub(z.enum(AID_UNITS)),
        /** After corrections. */
        quantity: pub(num),
        /** Given to this resident (self), to another member by name, or to the household. */
        to: pub(z.enum(['self', 'member', 'household'])),
        memberName: identity(str.nullable()),
      }),
    ),
  ),
});
export type ResidentAid = z.output<typeof residentAidSchema>;

const listLine = out({ itemName: pub(str), size: pub(str), unit: pub(z.enum(AID_UNITS)), quantity: pub(num) });
export const distributionListSchema = out({
  on: pub(str),
  /** One row per recipient (a resident or a household), in the order they were served. */
  people: pub(
    z.array(
      out({
        residentId: pub(num.nullable()),
        householdId: pub(num.nullable()),
        name: identity(str),
        lines: pub(z.array(listLine)),
      }),
    ),
  ),
  /** Head counts at events and outings that day. */
  events: pub(z.array(out({ eventId: pub(num.nullable()), headCount: pub(num), lines: pub(z.array(listLine)) }))),
});
export type DistributionList = z.output<typeof distributionListSchema>;

/** What was handed out at one event or outing (for the event's page), in the order it was given. */
export const eventAidSchema = out({
  rows: pub(
    z.array(
      out({
        movementId: pub(num),
        on: pub(str),
        itemName: pub(str),
        size: pub(str),
        unit: pub(z.enum(AID_UNITS)),
        /** After corrections. */
        quantity: pub(num),
        headCount: pub(num),
      }),
    ),
  ),
});
export type EventAid = z.output<typeof eventAidSchema>;

export function itemLabel(i: { name: string; size: string }): string {
  return i.size === '' ? i.name : `${i.name} ${i.size}`;
}
