import { describe, expect, it } from 'vitest';
import { isProfane, normalizeHandle, randomHandle } from './handle';

describe('normalizeHandle', () => {
  it('lower-cases valid handles', () => {
    expect(normalizeHandle('Alice_42')).toBe('alice_42');
  });

  it.each(['ab', 'a'.repeat(31), 'has space', 'dash-ed', 'émile'])('refuses %s', (handle) => {
    expect(() => normalizeHandle(handle)).toThrow('3-30 characters');
  });

  it('refuses profanity, also when disguised', () => {
    expect(() => normalizeHandle('fuck')).toThrow('not allowed');
    expect(() => normalizeHandle('big_shit_99')).toThrow('not allowed');
    expect(normalizeHandle('scunthorpe_fan')).toBe('scunthorpe_fan');
  });

  it('makes valid anonymous handles, never ones the filter refuses', () => {
    // about 1 in 1300 random hex handles reads as profanity through leetspeak ("a55…")
    for (let i = 0; i < 20_000; i++) expect(isProfane(randomHandle())).toBe(false);
    expect(normalizeHandle(randomHandle())).toMatch(/^anon_[0-9a-f]{12}$/);
  });
});
