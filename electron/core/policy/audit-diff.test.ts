import { describe, expect, it } from 'vitest';
import { diffFields, submittedFields } from './audit-diff';

describe('changed fields for the audit log', () => {
  it('keeps no values at all for a read the contract does not declare', () => {
    const before = {
      id: 3,
      amountMinor: 35050,
      archived: false,
      status: 'planned',
      scheduledOn: '2026-11-18',
      name: 'Дрова',
      volunteerName: 'Kowalski',
      residentName: 'Зябликова Серафима',
      phones: ['+7 912 555 01 02'],
      notes: 'Плохо слышит',
      history: [{ note: 'a' }],
      updatedAt: '2026-11-18T09:00:00.000Z',
    };
    const after = {
      ...before,
      amountMinor: 40000,
      archived: true,
      status: 'done',
      scheduledOn: '2026-11-19',
      name: 'Дрова и уголь',
      volunteerName: 'Nowak',
      residentName: 'Зябликова-Петрова Серафима',
      phones: ['+7 912 555 09 09'],
      notes: 'Другое',
      history: [{ note: 'a' }, { note: 'b' }],
      updatedAt: '2026-11-19T09:00:00.000Z',
    };
    // A call the contract does not know: the older key list (policy.ts) decides.
    const fields = diffFields('x.get', before, after);
    expect(fields).toEqual([
      { field: 'amountMinor', changed: true },
      { field: 'archived', changed: true },
      { field: 'status', changed: true },
      { field: 'scheduledOn', changed: true },
      { field: 'name', changed: true },
      { field: 'volunteerName', changed: true },
      { field: 'residentName', changed: true },
      { field: 'phones', changed: true },
      { field: 'notes', changed: true },
      { field: 'history', changed: true },
    ]);
    const text = JSON.stringify(fields);
    for (const secret of ['Дрова', 'Nowak', 'Kowalski', 'Петрова', '555', 'Другое', 'слышит']) expect(text).not.toContain(secret);
  });

  it('by a declared output (tasks.get): values only of public fields, never of undeclared ones', () => {
    const before = {
      id: 7,
      status: 'assigned',
      scheduledOn: '2026-11-18',
      startTime: '10:30',
      estimatedMinutes: 60,
      kindName: 'Дрова',
      residentName: 'Зябликова Серафима',
      address: 'ул. Ленина, 5',
      residentPhones: ['+7 912 555 01 02'],
      note: 'Плохо слышит',
      reason: null,
      advances: [{ id: 1, volunteerName: 'Kowalski', amountMinor: 35050, note: 'chleb' }],
      mystery: 'a',
      updatedAt: '2026-11-18T09:00:00.000Z',
    };
    const after = {
      ...before,
      status: 'done',
      scheduledOn: '2026-11-19',
      startTime: '11:00',
      estimatedMinutes: 90,
      kindName: 'Дрова и уголь',
      residentName: 'Зябликова-Петрова Серафима',
      address: 'ул. Ленина, 7',
      residentPhones: ['+7 912 555 09 09'],
      note: 'Другое',
      reason: 'Nowak',
      advances: [{ id: 1, volunteerName: 'Nowak', amountMinor: 40000, note: 'mleko' }],
      mystery: 'b',
      updatedAt: '2026-11-19T09:00:00.000Z',
    };
    const fields = diffFields('tasks.get', before, after);
    expect(fields).toEqual([
      { field: 'status', old: 'assigned', new: 'done' },
      { field: 'scheduledOn', old: '2026-11-18', new: '2026-11-19' },
      { field: 'startTime', old: '10:30', new: '11:00' },
      { field: 'estimatedMinutes', old: 60, new: 90 },
      { field: 'kindName', changed: true },
      { field: 'residentName', changed: true },
      { field: 'address', changed: true },
      { field: 'residentPhones', changed: true },
      { field: 'note', changed: true },
      { field: 'reason', changed: true },
      { field: 'advances', changed: true },
      { field: 'mystery', changed: true },
    ]);
    const text = JSON.stringify(fields);
    for (const secret of ['Дрова', 'Nowak', 'Kowalski', 'Петрова', 'Ленина', '555', 'Другое', 'слышит', '40000', 'mleko']) expect(text).not.toContain(secret);
  });

  it('never keeps a password or PIN the admin sets (the answer declares no such field)', () => {
    const fields = [
      ...submittedFields('users.resetPassword', { id: 2, password: 'Demo-pass-123' }),
      ...submittedFields('users.setPin', { id: 2, pin: '4321' }),
    ];
    expect(fields).toEqual([
      { field: 'password', changed: true },
      { field: 'pin', changed: true },
    ]);
  });

  it('without a snapshot: the submitted fields, with values only where allowed', () => {
    expect(submittedFields('catalogue.update', { id: 4, name: 'Ремонт', isPaid: true, mode: 'desk' })).toEqual([
      { field: 'name', changed: true },
      { field: 'isPaid', new: true },
      { field: 'mode', new: 'desk' },
    ]);
  });
});
