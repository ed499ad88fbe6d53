/**
 * A resident's household in brief, for lists that show people (the search, the duplicate warning):
 * how many live there, who heads it and the first few members. Kept apart from households.ts, which
 * imports the residents' schemas, so that residents.ts can use it without an import cycle.
 */
import { z } from 'zod';
import { identity, out, pub } from '../api/fields';

/** Relation to the head of the household; the head is 'head'. */
export const RELATIONS = [
  'head',
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
] as const;
export type Relation = (typeof RELATIONS)[number];

/** How many of the other members a list shows (the size says how many there are). */
export const BRIEF_MEMBERS = 5;

const str = z.string();
const num = z.number();

export const householdBriefMemberSchema = out({
  /** Null for an unnamed member. */
  residentId: pub(num.nullable()),
  /** Null for an unnamed member (shown as the relation and birth year). */
  fullName: identity(str.nullable()),
  birthYear: identity(num.nullable()),
  relation: pub(z.enum(RELATIONS)),
});
export type HouseholdBriefMember = z.output<typeof householdBriefMemberSchema>;

export const householdBriefSchema = out({
  id: pub(num),
  /** People living in it now (the resident included). */
  size: pub(num),
  /** The resident's own relation to the head. */
  relation: pub(z.enum(RELATIONS)),
  /** The head's name; null when the resident is the head or the household has no registered head. */
  headName: identity(str.nullable()),
  /** The others living there now, the head first, at most BRIEF_MEMBERS of them. */
  members: pub(z.array(householdBriefMemberSchema)),
});
export type HouseholdBrief = z.output<typeof householdBriefSchema>;
