import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, isOpen, OPEN_STATUSES, REQUEST_STATUSES, requestInputSchema, type RequestStatus } from './requests';

const CLOSED: RequestStatus[] = ['done', 'cancelled', 'referred'];

describe('status flow', () => {
  it('moves forward new → planned → inProgress → done', () => {
    expect(canTransition('new', 'planned')).toBe(true);
    expect(canTransition('planned', 'inProgress')).toBe(true);
    expect(canTransition('inProgress', 'done')).toBe(true);
  });

  it('can cancel or refer from every open status', () => {
    for (const from of OPEN_STATUSES) {
      expect(canTransition(from, 'cancelled'), from).toBe(true);
      expect(canTransition(from, 'referred'), from).toBe(true);
    }
  });

  it('reopens a closed request only back to new', () => {
    for (const from of CLOSED) {
      expect(allowedTransitions(from)).toEqual(['new']);
    }
  });

  it('never stays on the same status', () => {
    for (const s of REQUEST_STATUSES) expect(canTransition(s, s), s).toBe(false);
  });

  it('does not jump from one closed status to another', () => {
    for (const from of CLOSED) for (const to of CLOSED) expect(canTransition(from, to), `${from}→${to}`).toBe(false);
  });

  it('allows a transition exactly when it is listed', () => {
    for (const from of REQUEST_STATUSES) {
      for (const to of REQUEST_STATUSES) {
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }
    }
  });

  it('every status is reachable from new', () => {
    const seen = new Set<RequestStatus>(['new']);
    const queue: RequestStatus[] = ['new'];
    while (queue.length > 0) {
      for (const next of allowedTransitions(queue.shift() as RequestStatus)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});

describe('isOpen', () => {
  it('is true for new, planned, inProgress and false for closed statuses', () => {
    expect(REQUEST_STATUSES.filter(isOpen)).toEqual(['new', 'planned', 'inProgress']);
  });
});

describe('requestInputSchema', () => {
  it('fills defaults', () => {
    expect(requestInputSchema.parse({ residentId: 1, kindId: 2 })).toEqual({
      residentId: 1,
      kindId: 2,
      urgency: 'normal',
      channel: 'walkIn',
      description: '',
    });
  });

  it('says validation.required for a missing kind', () => {
    const r = requestInputSchema.safeParse({ residentId: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['kindId', 'validation.required']]);
  });

  it('trims the description and limits it to 4000 characters', () => {
    expect(requestInputSchema.parse({ residentId: 1, kindId: 1, description: '  дрова  ' }).description).toBe('дрова');
    const r = requestInputSchema.safeParse({ residentId: 1, kindId: 1, description: 'x'.repeat(4001) });
    expect(r.error?.issues[0]?.message).toBe('validation.tooLong');
  });

  it('rejects unknown urgency and channel', () => {
    expect(requestInputSchema.safeParse({ residentId: 1, kindId: 1, urgency: 'asap' }).success).toBe(false);
    expect(requestInputSchema.safeParse({ residentId: 1, kindId: 1, channel: 'email' }).success).toBe(false);
  });
});
