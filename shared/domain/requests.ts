import { z } from 'zod';

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

export interface RequestSummary {
  id: number;
  residentId: number;
  residentName: string;
  settlement: string;
  kindId: number;
  kindCode: string | null;
  kindName: string | null;
  urgency: Urgency;
  channel: Channel;
  description: string;
  status: RequestStatus;
  createdAt: string;
  createdOn: string;
}

export interface RequestHistoryEntry {
  id: number;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  note: string;
  changedAt: string;
  changedBy: string;
}

export interface RequestDetail extends RequestSummary {
  createdBy: string;
  history: RequestHistoryEntry[];
}
