import { eng, kor } from 'stopword';

const ENGLISH_STOP = new Set([
  ...eng,
  ...'place time really again okay ok not no yes get got would could also one just even back came went go going ordered order lot little bit much many thing things way well still definitely will can us we our made make day night food'.split(
    ' ',
  ),
]);
const KOREAN_STOP = new Set([
  ...kor,
  ...'너무 정말 진짜 완전 엄청 아주 매우 그냥 다시 우리 제가 저는 오늘 이번 여기 거기 그리고 근데 하지만 조금 많이'.split(
    ' ',
  ),
]);
// longest first: 에서는 before 에서 before 에
const PARTICLES = [
  '에서는',
  '에서도',
  '으로는',
  '이랑',
  '에서',
  '으로',
  '까지',
  '부터',
  '보다',
  '처럼',
  '한테',
  '에게',
  '하고',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '도',
  '의',
  '에',
  '로',
  '와',
  '과',
  '랑',
  '만',
];
/** Endings of verbs and adjectives: such a token is not a topic. */
const PREDICATE_END = /(요|다|네|고|게|서|면|지|죠|음|함|됨|니다|어|아|했|었|았|겠|는데|은데|ㅎ|ㅋ)$/;

function englishStem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function koreanNoun(token: string): string {
  for (const p of PARTICLES)
    if (token.length - p.length >= 2 && token.endsWith(p)) return token.slice(0, -p.length);
  return token;
}

/**
 * What a review talks about: its most frequent topic words (not opinion words, not stopwords), first-mentioned
 * first on ties, at most 5. Korean words lose their particles (커피가 → 커피) and predicates are left out.
 */
export function reviewKeywords(text: string, language: 'en' | 'ko', opinionWords: string[]): string[] {
  const opinions = opinionWords.map((w) => w.toLowerCase());
  const counts = new Map<string, number>();
  const words =
    language === 'ko'
      ? (text.match(/[가-힣]{2,}|[a-zA-Z]{3,}/g) ?? []).map((t) =>
          /[가-힣]/.test(t) ? koreanNoun(t) : t.toLowerCase(),
        )
      : (text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []).map((w) => englishStem(w.replace(/'s$/, '')));
  for (const word of words) {
    if (word.length < 2 || word.length > 50) continue;
    if (language === 'ko' ? KOREAN_STOP.has(word) || PREDICATE_END.test(word) : ENGLISH_STOP.has(word))
      continue;
    if (opinions.some((o) => word.includes(o) || o.includes(word))) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([w]) => w);
}
