import { z } from 'zod';
import { contact, health, identity, out, pub } from '../api/fields';

export const REQUEST_STATUSES = ['new', 'planned', 'inProgress', 'done', 'cancelled', 'referred'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'planned', 'inProgress'];

export const URGENCIES = ['low', 'normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = ['walkIn', 'phone', 'referral', 'outreach'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The status flow: new → planned → in progress → done, or cancelled / referred elsewhere from any
 * open state. A closed request can be reopened (back to new); every change is kept in the history.
 */
const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['planned', 'inProgress', 'done', 'cancelled', 'referred'],
  planned: ['inProgress', 'done', 'new', 'cancelled', 'referred'],
  inProgress: ['done', 'planned', 'cancelled', 'referred'],
  done: ['new'],
  cancelled: ['new'],
  referred: ['new'],
};

export function allowedTransitions(from: RequestStatus): readonly RequestStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const requestInputSchema = z.object({
  residentId: z.number('validation.unknownResident').int('validation.unknownResident').positive('validation.unknownResident'),
  kindId: z.number('validation.required').int().positive('validation.required'),
  urgency: z.enum(URGENCIES).default('normal'),
  channel: z.enum(CHANNELS).default('walkIn'),
  description: z.string().trim().max(4000, 'validation.tooLong').default(''),
});
export type RequestInput = z.input<typeof requestInputSchema>;

// Outputs: every field with its field group (shared/api/fields.ts). A request's description and
// its status-change notes are case notes (health); the resident's name is identity and their
// settlement contact.

const text = z.string();
const num = z.number();

const requestSummaryShape = {
  id: pub(num),
  residentId: pub(num),
  residentName: identity(text),
  settlement: contact(text),
  kindId: pub(num),
  kindCode: pub(text.nullable()),
  kindName: pub(text.nullable()),
  urgency: pub(z.enum(URGENCIES)),
  channel: pub(z.enum(CHANNELS)),
  description: health(text),
  status: pub(z.enum(REQUEST_STATUSES)),
  createdAt: pub(text),
  createdOn: pub(text),
};

export const requestSummarySchema = out(requestSummaryShape);
export type RequestSummary = z.output<typeof requestSummarySchema>;

export const requestHistoryEntrySchema = out({
  id: pub(num),
  fromStatus: pub(z.enum(REQUEST_STATUSES).nullable()),
  toStatus: pub(z.enum(REQUEST_STATUSES)),
  note: health(text),
  changedAt: pub(text),
  changedBy: pub(text),
});
export type RequestHistoryEntry = z.output<typeof requestHistoryEntrySchema>;

export const requestDetailSchema = out({
  ...requestSummaryShape,
  createdBy: pub(text),
  history: pub(z.array(requestHistoryEntrySchema)),
});
export type RequestDetail = z.output<typeof requestDetailSchema>;
