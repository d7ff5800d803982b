import { describe, expect, it } from 'vitest';
import { nextExecutionLimit } from './adaptive-execution-limit';

const bounds = { max: 128, min: 8 };

/** The limits an unchanging load leads to, interval after interval. */
function follow(
  start: number,
  load: (limit: number) => { utilization: number; active: number; waited: boolean },
) {
  const limits = [start];
  for (let i = 0; i < 30; i++) limits.push(nextExecutionLimit(limits.at(-1)!, load(limits.at(-1)!), bounds));
  return limits;
}

describe('nextExecutionLimit', () => {
  it('on a saturated core steps down from what runs to the floor, and stays there', () => {
    // 50 clients keep 50 executing while the limit is above that
    const limits = follow(128, (limit) => ({
      utilization: 1,
      active: Math.min(limit, 50),
      waited: limit < 50,
    }));
    expect(limits.slice(0, 4)).toEqual([128, 37, 28, 21]);
    expect(limits.indexOf(8)).toBeLessThanOrEqual(8);
    expect(limits.at(-1)).toBe(8);
  });

  it('with time to spare and requests waiting climbs back to the top', () => {
    const limits = follow(8, () => ({ utilization: 0.4, active: 8, waited: true }));
    expect(limits[1]).toBe(10);
    expect(limits.indexOf(128)).toBeLessThanOrEqual(15);
    expect(limits.at(-1)).toBe(128);
  });

  it('holds where the core is busy but not saturated, and where nobody waited', () => {
    expect(nextExecutionLimit(16, { utilization: 0.8, active: 16, waited: true }, bounds)).toBe(16);
    expect(nextExecutionLimit(16, { utilization: 0.65, active: 16, waited: true }, bounds)).toBe(16);
    expect(nextExecutionLimit(16, { utilization: 0.2, active: 3, waited: false }, bounds)).toBe(16);
  });

  it('never leaves its bounds', () => {
    expect(nextExecutionLimit(8, { utilization: 1, active: 8, waited: true }, bounds)).toBe(8);
    expect(nextExecutionLimit(120, { utilization: 0, active: 120, waited: true }, bounds)).toBe(128);
    expect(nextExecutionLimit(2, { utilization: 1, active: 2, waited: true }, { max: 2, min: 2 })).toBe(2);
  });
});
