// Calls of the shelter feature (issue 12): temporary accommodation for displaced people.
//
// Roles: the front desk, coordinators and admins (CASEWORK) check people in and out and see who
// is there; coordinators and admins (COORDINATION) add and change the shelters themselves.
// Names are identity; room and bed labels and days are public; a check-out note is health.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import { dayCursorInputSchema } from '../../domain/paging';
import { bedSchema, OUT_REASONS, shelterInputSchema, shelterSchema, shelterTodaySchema, stayPageSchema, staySchema } from '../../domain/shelter';

const id = z.number().int().positive();
/** The day it happened; default: the centre's today. Never in the future. */
const on = isoDate.optional();

export const shelterCalls = {
  'shelter.list': call({
    output: z.array(shelterSchema),
    input: z.object({}),
    roles: CASEWORK,
    reads: ['shelter'],
    summary: 'The shelters with their places and how many people are there today.',
  }),
  'shelter.get': call({
    output: shelterSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    reads: ['shelter'],
    summary: 'One shelter with its places and how many people are there today.',
  }),
  'shelter.addShelter': call({
    output: shelterSchema,
    input: shelterInputSchema,
    roles: COORDINATION,
    changes: ['shelter'],
    summary: 'Add a shelter the centre runs: its name, address and number of places.',
  }),
  'shelter.updateShelter': call({
    entity: { read: 'shelter.get', key: 'id' },
    output: shelterSchema,
    input: shelterInputSchema.extend({ id }),
    roles: COORDINATION,
    changes: ['shelter'],
    summary: "Change a shelter's name, address or number of places.",
  }),
  'shelter.checkIn': call({
    output: z.array(staySchema),
    input: z
      .object({
        shelterId: id,
        /** One resident… */
        residentId: id.optional(),
        /** …or a whole household: every member registered and living there now. */
        householdId: id.optional(),
        on,
        bed: bedSchema,
        /** Checking in above the shelter's places is refused (overPlaces, with the count) unless confirmed. */
        confirmOverPlaces: z.boolean().default(false),
      })
      .refine((x) => (x.residentId === undefined) !== (x.householdId === undefined), { path: ['residentId'], message: 'validation.required' }),
    roles: CASEWORK,
    changes: ['shelter'],
    reads: ['shelter', 'residents', 'households'],
    summary: 'Check a resident, or a whole household (one stay per member), into a shelter on a day; nobody is in a shelter twice at once; above the places it needs a confirmation.',
  }),
  'shelter.checkOut': call({
    output: staySchema,
    input: z.object({
      id,
      on,
      reason: z.enum(OUT_REASONS),
      note: z.string('validation.invalid').trim().max(2000, 'validation.tooLong').default(''),
    }),
    roles: CASEWORK,
    changes: ['shelter'],
    summary: 'Check a person out of the shelter on a day (not before they came) with the reason: own housing, relatives, left the town, other.',
  }),
  'shelter.today': call({
    output: z.array(shelterTodaySchema),
    input: z.object({}),
    roles: CASEWORK,
    reads: ['shelter', 'residents'],
    summary: 'Who is in each shelter today, with since when, the longest there first.',
  }),
  'shelter.history': call({
    output: stayPageSchema,
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        shelterId: id.optional(),
        cursor: dayCursorInputSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'validation.dateOrder' }),
    roles: CASEWORK,
    reads: ['shelter', 'residents'],
    summary: 'Stays that began in a period (checked in between its first and last day), the latest check-in first, a page at a time; who is there on a day is shelter.today.',
  }),
  'shelter.ofResident': call({
    output: z.array(staySchema),
    input: z.object({ residentId: id }),
    roles: CASEWORK,
    reads: ['shelter', 'residents'],
    summary: "A resident's stays in the shelter, the latest first (their page).",
  }),
} as const;
