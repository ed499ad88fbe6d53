/**
 * Households (families): residents who live together at one address, a head, and members with
 * their relation to the head. A member is a registered resident, or an unnamed person with a
 * relation and a birth year ("a child aged 7") where the centre does not register everyone by
 * name. A membership is a period: a move to another household, a split or a departure ends it and
 * the history stays. Labels: common:household.relation.<code>, common:household.endReason.<code>.
 */
import { z } from 'zod';
import { contact, identity, out, pub } from '../api/fields';
import { MIN_BIRTH_YEAR } from './residents';
import { RELATIONS, type Relation } from './household-brief';

export { RELATIONS, type Relation };

/** The relations a member other than the head may have. */
export const MEMBER_RELATIONS = [
  'spouse',
  'partner',
  'child',
  'stepchild',
  'fosterChild',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'otherRelative',
  'nonRelative',
] as const satisfies readonly Exclude<Relation, 'head'>[];
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];

/**
 * Why a membership ended: moved to another household in Hearth, left with a split, left (moved
 * away, not to a household the centre knows), died, or became the head (the same person goes on
 * in a new row with the relation 'head').
 */
export const END_REASONS = ['moved', 'split', 'left', 'deceased', 'relationChanged'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The reasons a person may give when ending a membership by hand (moves and splits have their own calls). */
export const LEAVE_REASONS = ['left', 'deceased'] as const satisfies readonly EndReason[];

/** People living in one household at a time (the residents' household size has the same limit). */
export const MAX_MEMBERS = 30;

const id = z.number().int().positive();
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');

/** A year of birth: the schema keeps it after 1900; the service checks it against the centre's calendar. */
export const birthYearSchema = z.number('validation.number').int('validation.number').min(MIN_BIRTH_YEAR, 'validation.birthYear').max(9999, 'validation.birthYear');

export const householdAddressSchema = z.object({
  settlement: text(100).default(''),
  street: text(150).default(''),
  house: text(20).default(''),
  flat: text(20).default(''),
});
export type HouseholdAddress = z.output<typeof householdAddressSchema>;

/**
 * A member joining: a registered resident (`residentId`), or an unnamed person with a birth year
 * (null when not known). A registered resident's birth year is on their own record.
 */
export const memberInputSchema = z
  .object({
    residentId: id.nullable().default(null),
    relation: z.enum(MEMBER_RELATIONS),
    birthYear: birthYearSchema.nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if (m.residentId !== null && m.birthYear !== null) ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.birthYearOnRecord' });
  });
export type MemberInput = z.input<typeof memberInputSchema>;
export type MemberData = z.output<typeof memberInputSchema>;

// Outputs: every field with its field group (shared/api/fields.ts). Names and birth years are
// identity; the address contact; ids, dates and codes public.

const str = z.string();
const num = z.number();

export const householdMemberSchema = out({
  /** The membership's id (a person who moved has one per household). */
  id: pub(num),
  /** Null for an unnamed member. */
  residentId: pub(num.nullable()),
  /** Null for an unnamed member. */
  fullName: identity(str.nullable()),
  birthYear: identity(num.nullable()),
  relation: pub(z.enum(RELATIONS)),
  fromOn: pub(str),
  toOn: pub(str.nullable()),
  endReason: pub(z.enum(END_REASONS).nullable()),
  /** The household they came from (a move or a split). */
  fromHouseholdId: pub(num.nullable()),
  /** The household they went to (a move or a split). */
  toHouseholdId: pub(num.nullable()),
});
export type HouseholdMember = z.output<typeof householdMemberSchema>;

export const householdSchema = out({
  id: pub(num),
  settlement: contact(str),
  street: contact(str),
  house: contact(str),
  flat: contact(str),
  address: contact(str),
  formedOn: pub(str),
  /** The day the last member left. */
  closedOn: pub(str.nullable()),
  /** The household this one was split off from. */
  splitFromId: pub(num.nullable()),
  /** The head's membership (null only once the head has been erased or has left a closed household). */
  headMemberId: pub(num.nullable()),
  /** People living in it now. */
  size: pub(num),
  /** The members now, the head first. */
  members: pub(z.array(householdMemberSchema)),
  /** Memberships that ended (moves, splits, departures), the latest first. */
  past: pub(z.array(householdMemberSchema)),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Household = z.output<typeof householdSchema>;

/** One of a resident's memberships, with the household's address. */
export const residentMembershipSchema = out({
  householdId: pub(num),
  memberId: pub(num),
  relation: pub(z.enum(RELATIONS)),
  fromOn: pub(str),
  toOn: pub(str.nullable()),
  endReason: pub(z.enum(END_REASONS).nullable()),
  address: contact(str),
});
export type ResidentMembership = z.output<typeof residentMembershipSchema>;

export const residentHouseholdsSchema = out({
  /** The household they live in now, or null. */
  current: pub(householdSchema.nullable()),
  /** Every membership, the latest first (the current one included). */
  memberships: pub(z.array(residentMembershipSchema)),
});
export type ResidentHouseholds = z.output<typeof residentHouseholdsSchema>;

/**
 * Families served in a period (Cherkasy reports "families or persons served"): the households of
 * the residents who had a request in the period (the household they lived in on the request's day),
 * plus each resident who had one while living in no registered household, as a family of one.
 * Counts only: no person is named.
 */
export const familiesServedSchema = out({
  from: pub(str),
  to: pub(str),
  /** Households plus persons not in a household: "families or persons served". */
  families: pub(num),
  /** Distinct registered households with a member who had a request. */
  households: pub(num),
  /** Residents who had a request while living in no registered household (each one family). */
  personsWithoutHousehold: pub(num),
  /** Distinct residents who had a request. */
  residentsServed: pub(num),
});
export type FamiliesServed = z.output<typeof familiesServedSchema>;
