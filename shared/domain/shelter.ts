/**
 * The temporary shelter (issue 12): Cherkasy's temporary shelter for displaced people (241 people
 * over a year). A centre runs one or more shelters (a name, an address, a number of places); a
 * stay is one person's: checked in on a day (alone, or with their household: one stay per member,
 * grouped by the household's id), checked out on a day with a reason. Labels:
 * shelter:outReason.<code>.
 */
import { z } from 'zod';
import { health, identity, out, pub } from '../api/fields';
import { cappedTotalShape, dayCursorSchema } from './paging';

/** Why a stay ended: moved to own housing, to relatives, left the town, other. */
export const OUT_REASONS = ['ownHousing', 'relatives', 'leftTown', 'other'] as const;
export type OutReason = (typeof OUT_REASONS)[number];

/** The most places one shelter may have (a dormitory of a town; a typo of 12,000 is refused). */
export const MAX_PLACES = 2_000;

const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');

export const shelterInputSchema = z.object({
  name: text(200).min(1, 'validation.required'),
  address: text(300).default(''),
  places: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(MAX_PLACES, 'validation.range'),
});
export type ShelterData = z.output<typeof shelterInputSchema>;

/** A room or bed label ("2-й поверх, кімн. 5, ліжко 2"). */
export const bedSchema = text(60).default('');

// Outputs. A shelter (name, address, places) is public; a person's name is identity; room and bed
// labels and the days are public (they say nothing about who, without the name); the note beside
// a check-out reason is health (it may tell why someone left: a hospital, a death).

const str = z.string();
const num = z.number();

export const shelterSchema = out({
  id: pub(num),
  name: pub(str),
  address: pub(str),
  places: pub(num),
  /** How many people are there today (stays checked in and not checked out). */
  occupied: pub(num),
});
export type Shelter = z.output<typeof shelterSchema>;

export const staySchema = out({
  id: pub(num),
  shelterId: pub(num),
  shelterName: pub(str),
  /** Null once the person was erased (the stay and its days stay, so that the counts do). */
  residentId: pub(num.nullable()),
  fullName: identity(str.nullable()),
  birthYear: identity(num.nullable()),
  /** The household they were checked in with (one stay per member), or null when alone. */
  householdId: pub(num.nullable()),
  bed: pub(str),
  checkedInOn: pub(str),
  checkedOutOn: pub(str.nullable()),
  outReason: pub(z.enum(OUT_REASONS).nullable()),
  outNote: health(str),
});
export type Stay = z.output<typeof staySchema>;

/** Who is there today in one shelter, the longest there first. */
export const shelterTodaySchema = out({
  shelter: pub(shelterSchema),
  stays: pub(z.array(staySchema)),
});
export type ShelterToday = z.output<typeof shelterTodaySchema>;

export const stayPageSchema = out({
  rows: pub(z.array(staySchema)),
  nextCursor: pub(dayCursorSchema.nullable()),
  ...cappedTotalShape,
});
export type StayPage = z.output<typeof stayPageSchema>;
