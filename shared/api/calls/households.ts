// Calls of the households feature (issue 13). Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, EVERYONE } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import {
  householdAddressSchema,
  familiesServedSchema,
  householdSchema,
  LEAVE_REASONS,
  MAX_MEMBERS,
  MEMBER_RELATIONS,
  memberInputSchema,
  residentHouseholdsSchema,
} from '../../domain/households';

const id = z.number().int().positive();
/** The day it happened (a move, a split, a departure); default: the centre's today. Never in the future. */
const on = isoDate.optional();
/** When the head leaves and others stay: the member who heads the household from then on. */
const newHeadMemberId = id.optional();
/** Every change to one household shows it in the audit log with its changed fields. */
const entity = { read: 'households.get', key: 'id' } as const;

export const householdsCalls = {
  'households.get': call({
    // A view of people's records, logged as residents.get is (who looked at which household, when).
    // households.ofResident is not: it is read with residents.get on the resident's page, whose
    // view is logged with the resident.
    audit: 'view',
    output: householdSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    // Members' names and birth years are on their resident records.
    reads: ['households', 'residents'],
    summary: 'A household: its address, the members now (the head first) and the memberships that ended.',
  }),
  'households.ofResident': call({
    output: residentHouseholdsSchema,
    input: z.object({ residentId: id }),
    roles: CASEWORK,
    reads: ['households', 'residents'],
    summary: "A resident's household now (for their page) and every household they have lived in.",
  }),
  'households.create': call({
    output: householdSchema,
    input: z.object({
      headResidentId: id,
      /** The other members (the head is not listed again). */
      members: z.array(memberInputSchema).max(MAX_MEMBERS - 1, 'validation.tooMany').default([]),
      /** Omitted: the head's address. */
      address: householdAddressSchema.optional(),
      on,
    }),
    // The front desk registers households.
    roles: CASEWORK,
    changes: ['households'],
    summary: 'Register a household: its head (a registered resident), the other members with their relation to the head (registered or unnamed with a birth year) and the address.',
  }),
  'households.addMember': call({
    entity,
    output: householdSchema,
    input: z.object({ id, member: memberInputSchema, on }),
    roles: CASEWORK,
    changes: ['households'],
    summary: 'Add a member (a resident not living in another household, or an unnamed person).',
  }),
  'households.moveMember': call({
    entity,
    output: householdSchema,
    input: z.object({ id, memberId: id, toHouseholdId: id, relation: z.enum(MEMBER_RELATIONS), on, newHeadMemberId }),
    roles: CASEWORK,
    changes: ['households'],
    summary:
      'Move a member to another household (with their relation to its head): the membership here ends and one there begins on the same day. The answer is the household they moved to.',
  }),
  'households.split': call({
    entity,
    output: householdSchema,
    input: z.object({
      id,
      /** The member who heads the new household (a registered resident). */
      headMemberId: id,
      /** The other members who leave with them, with their relation to the new head. */
      members: z
        .array(z.object({ memberId: id, relation: z.enum(MEMBER_RELATIONS) }))
        .max(MAX_MEMBERS - 1, 'validation.tooMany')
        .default([]),
      /** Omitted: the new head's address. */
      address: householdAddressSchema.optional(),
      on,
      newHeadMemberId,
    }),
    roles: CASEWORK,
    changes: ['households'],
    summary: 'Split a household: some members leave to a new household (formed that day) and their memberships here end. The answer is the new household.',
  }),
  'households.endMembership': call({
    entity,
    output: householdSchema,
    input: z.object({ id, memberId: id, reason: z.enum(LEAVE_REASONS), on, newHeadMemberId }),
    roles: CASEWORK,
    changes: ['households'],
    summary: 'A member left (moved away) or died: their membership ends and stays in the history; the household closes when nobody is left.',
  }),
  'households.update': call({
    entity,
    output: householdSchema,
    input: z.object({ id, address: householdAddressSchema }),
    roles: CASEWORK,
    changes: ['households'],
    summary: "Change a household's address (the audit log keeps that it changed, by whom and when; the members' own addresses stay as they are).",
  }),
  'households.changeHead': call({
    entity,
    output: householdSchema,
    input: z.object({
      id,
      /** The member who heads the household from that day (a registered member living there). */
      headMemberId: id,
      /** The former head's relation to the new head. */
      relation: z.enum(MEMBER_RELATIONS),
      on,
    }),
    roles: CASEWORK,
    changes: ['households'],
    summary: "Another member heads the household from a day: both members' rows end that day and go on with the new relations, so the history shows who headed it when.",
  }),
  'households.familiesServed': call({
    output: familiesServedSchema,
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' }),
    // Counts only, nobody named: public figures of the centre's reports. The treasurer puts them
    // in grant reports (families served), so every role may read them.
    roles: EVERYONE,
    reads: ['households', 'requests', 'residents'],
    summary:
      'Families served in a period ("families or persons served", as Cherkasy reports it): the distinct households of the residents who had a request (the household they lived in that day), plus each resident who had one while in no registered household, counted as one family.',
  }),
} as const;
