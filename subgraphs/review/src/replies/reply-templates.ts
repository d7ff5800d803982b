import type { ReviewLanguage } from '@link-archive/review-domain';

type Tone = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

/** The drafts offered when the model may not or cannot write one: polite, short, in the review's language. */
const TEMPLATES: Record<ReviewLanguage, Record<Tone, (place: string | null) => string>> = {
  en: {
    POSITIVE: (place) =>
      `Thank you so much for your kind words! We are delighted you enjoyed ${place ?? 'your visit'} and hope to welcome you again soon.`,
    NEUTRAL: (place) =>
      `Thank you for taking the time to review ${place ?? 'us'}. We appreciate your feedback and will keep working to make your next visit even better.`,
    NEGATIVE: (place) =>
      `Thank you for your honest feedback, and we are sorry ${place ? `${place} fell` : 'we fell'} short this time. We are looking into what you described and hope you will give us another chance.`,
  },
  ko: {
    POSITIVE: () =>
      '소중한 리뷰 정말 감사합니다! 즐거운 시간 보내셨다니 저희도 기쁩니다. 다음에도 찾아 주시면 정성껏 모시겠습니다.',
    NEUTRAL: () =>
      '리뷰 남겨 주셔서 감사합니다. 말씀해 주신 의견을 참고해 다음 방문 때 더 만족하실 수 있도록 노력하겠습니다.',
    NEGATIVE: () =>
      '솔직한 의견 남겨 주셔서 감사합니다. 이용에 불편을 드려 진심으로 죄송합니다. 말씀해 주신 부분은 꼭 확인하고 개선하겠습니다.',
  },
};

export function templateReply(language: ReviewLanguage, tone: Tone, place: string | null): string {
  return TEMPLATES[language][tone](place);
}

/** The tone a reply takes: the review's analysed sentiment, or its stars before the analysis is in. */
export const toneOf = (sentiment: Tone | null, rating: number): Tone =>
  sentiment ?? (rating >= 4 ? 'POSITIVE' : rating <= 2 ? 'NEGATIVE' : 'NEUTRAL');
