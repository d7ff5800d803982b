import { describe, expect, it } from 'vitest';
import { parseDate } from './published-date';

describe('parseDate', () => {
  it('keeps an ISO offset as written and reads a missing one as the language’s local time', () => {
    expect(parseDate('2025-03-05T10:00:00+09:00', 'en')?.at.toISOString()).toBe('2025-03-05T01:00:00.000Z');
    expect(parseDate('2025-03-05 10:00:00', 'ko')?.at.toISOString()).toBe('2025-03-05T01:00:00.000Z');
    expect(parseDate('2025-03-05T10:00:00', 'en')?.at.toISOString()).toBe('2025-03-05T10:00:00.000Z');
    expect(parseDate('2025-03-05T10:00:00-0500', null)?.at.toISOString()).toBe('2025-03-05T15:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds and written dates with a day, not a bare year', () => {
    expect(parseDate('1741168800', null)?.at.toISOString()).toBe('2025-03-05T10:00:00.000Z');
    expect(parseDate('1741168800000', null)?.at.toISOString()).toBe('2025-03-05T10:00:00.000Z');
    expect(parseDate('March 5, 2025', null)).toMatchObject({ precise: false });
    expect(parseDate('March 5, 2025', null)?.at.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(parseDate('1998', null)).toBeNull();
    expect(parseDate('March 2025', null)).toBeNull();
    expect(parseDate('not a date', null)).toBeNull();
  });
});
