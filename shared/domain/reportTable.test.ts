import { describe, expect, it } from 'vitest';
import { previousPeriod } from './reportTable';

describe('previousPeriod: the period of the same length just before', () => {
  it('steps whole months back by the same number of months', () => {
    expect(previousPeriod('2026-07-01', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod('2026-01-01', '2026-03-31')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // The Sylva seed's six months (1 Nov 2023 – 30 Apr 2024).
    expect(previousPeriod('2023-11-01', '2024-04-30')).toEqual({ from: '2023-05-01', to: '2023-10-31' });
  });

  it('steps other periods back by their number of days', () => {
    expect(previousPeriod('2026-03-10', '2026-03-19')).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(previousPeriod('2026-01-01', '2026-01-01')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    // A grant from 15 March to 14 September 2026: 184 days before it.
    expect(previousPeriod('2026-03-15', '2026-09-14')).toEqual({ from: '2025-09-12', to: '2026-03-14' });
  });
});
