import { describe, expect, it } from 'vitest';
import { moderationProblem } from './moderate-text';

describe('moderationProblem', () => {
  it.each([
    'Great coffee and friendly staff, will come back.',
    '정말 맛있어요, 또 올게요',
    '최악이에요. 다시는 안 가요',
    'See https://example.com/menu for the menu.',
    'Sooo good!!!',
    // words that merely contain a rude one are not rude
    'Scunthorpe United fans love it; a fair assessment of the class.',
  ])('lets honest reviews through: %s', (text) => expect(moderationProblem(text)).toBeNull());

  it.each([
    ['This place is shit', 'profanity'],
    ['sh1t service, fuuuck this café', 'profanity'],
    ['완전 시발 별로', 'profanity'],
    ['ㅅㅂ 다시는 안 감', 'profanity'],
    ['a https://a.example b https://b.example c https://c.example', 'links'],
    ['AMAZINGGGGGGGGGGGG', 'repeats'],
    ['Buy now and get free money', 'spam'],
    ['토토사이트 먹튀검증 텔레그램 문의', 'spam'],
  ])('flags %s', (text, reason) => expect(moderationProblem(text)).toMatch(new RegExp(reason)));
});
