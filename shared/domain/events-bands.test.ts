import { describe, expect, it } from 'vitest';
import { bandTotals } from './events';

describe('head-count bands', () => {
  it('derives adults/children and female/male from women, men, girls and boys', () => {
    // A street-work outing: 4 women, 9 men, a girl and 2 boys.
    expect(bandTotals({ women: 4, men: 9, girls: 1, boys: 2 })).toEqual({ adults: 13, children: 3, female: 5, male: 11, total: 16 });
    expect(bandTotals({ women: 0, men: 0, girls: 0, boys: 0 })).toEqual({ adults: 0, children: 0, female: 0, male: 0, total: 0 });
  });
});
