// Calls of in-kind aid (issue 12): items with their stock, and every movement of the stock.
// Declared with call() from ../define; outputs are the schemas of the domain file.
import { z } from 'zod';
import { call } from '../define';
import { CASEWORK, COORDINATION, EVERYONE } from '../roles';
import { isoDateSchema as isoDate } from '../../domain/dates';
import {
  adjustInputSchema,
  aidChangeSchema,
  aidItemSchema,
  aidItemsSchema,
  correctInputSchema,
  distributionListSchema,
  eventAidSchema,
  giveAtEventInputSchema,
  giveInputSchema,
  itemInputSchema,
  movementsInputSchema,
  movementsPageSchema,
  receiveInputSchema,
  residentAidSchema,
} from '../../domain/aid';

const id = z.number().int().positive();
/** Coordinators and admins see the history (with donors and values); the treasurer too, for the in-kind ledger. */
const HISTORY = ['coordinator', 'treasurer', 'admin'] as const;

export const aidCalls = {
  'aid.items': call({
    output: aidItemsSchema,
    input: z.object({ includeArchived: z.boolean().default(false) }),
    // Names of things and counts: the desk gives from it, the treasurer values it.
    roles: EVERYONE,
    reads: ['aid'],
    summary: 'The aid items with their stock now, by name and size.',
  }),
  'aid.addItem': call({
    output: aidItemSchema,
    input: itemInputSchema,
    roles: COORDINATION,
    changes: ['aid'],
    summary: 'Add an aid item (a name, a size or variant, a unit); its stock starts at 0.',
  }),
  'aid.receive': call({
    output: aidChangeSchema,
    input: receiveInputSchema,
    roles: COORDINATION,
    changes: ['aid'],
    summary: 'Aid received: an item, how many, from whom, when, and optionally what it is worth.',
  }),
  'aid.give': call({
    output: aidChangeSchema,
    input: giveInputSchema,
    roles: CASEWORK,
    changes: ['aid'],
    summary:
      'Give items to a resident or a household (several items in one call); giving more than the stock is refused (stockShort, what is left) unless confirmed.',
  }),
  'aid.giveAtEvent': call({
    output: aidChangeSchema,
    input: giveAtEventInputSchema,
    roles: CASEWORK,
    changes: ['aid'],
    summary: 'Items handed out at an event or a street-work outing to people counted, not named.',
  }),
  'aid.adjust': call({
    output: aidChangeSchema,
    input: adjustInputSchema,
    roles: COORDINATION,
    changes: ['aid'],
    summary: 'Adjust an item’s stock with a reason (spoiled, counted, lost); below zero only when confirmed.',
  }),
  'aid.correct': call({
    output: aidChangeSchema,
    input: correctInputSchema,
    roles: COORDINATION,
    changes: ['aid'],
    summary: 'Correct a movement: a new movement that refers to it brings its quantity to the right one (0: it did not happen). Nothing is edited.',
  }),
  'aid.movements': call({
    output: movementsPageSchema,
    input: movementsInputSchema,
    roles: HISTORY,
    reads: ['aid', 'residents'],
    summary: 'An item’s history, newest first, paged by cursor.',
  }),
  'aid.ofResident': call({
    output: residentAidSchema,
    input: z.object({ residentId: id }),
    roles: CASEWORK,
    reads: ['aid', 'residents', 'households'],
    summary: 'What a resident and their household received (for their page), newest first.',
  }),
  'aid.distributionList': call({
    output: distributionListSchema,
    input: z.object({ on: isoDate }),
    roles: CASEWORK,
    reads: ['aid', 'residents', 'households'],
    summary: 'A day’s distributions, one row per person or household, for the printed list to sign.',
  }),
  'aid.ofEvent': call({
    output: eventAidSchema,
    input: z.object({ eventId: id }),
    roles: CASEWORK,
    reads: ['aid', 'events'],
    summary: 'The items handed out at an event or outing (for its page), in the order they were given.',
  }),
} as const;
