import { detectAll } from 'tinyld';
import { isNode, metaValue, type PageSignals } from './page-signals';

/** Enough text to tell a language apart; detection cost grows with length. */
const SAMPLE = 5_000;
/** Below this much text a detection is a guess. */
const MIN_TEXT = 200;
/**
 * Detectors confuse languages that share a script (Spanish read as Swedish) on all but long texts: only this
 * much text, detected with near certainty, overrules what the page declares.
 */
const OVERRULE_TEXT = 2_000;
const CERTAIN = 0.98;

/** Languages a script alone identifies: a text mostly in it is in that language whatever the page declares. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
];

function byScript(sample: string): string | null {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  for (const [script, lang] of SCRIPTS) {
    // Japanese mixes kana with Han characters: a fifth of kana is already unmistakable
    const share = (sample.match(script)?.length ?? 0) / letters;
    if (share >= (lang === 'ja' ? 0.2 : 0.5)) return lang;
  }
  return null;
}

const primary = (tag: string | null | undefined): string | null => {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return match ? match[1]!.toLowerCase() : null;
};

/** The language the page declares: <html lang>, Content-Language, og:locale, its JSON-LD inLanguage. */
export function declaredLanguage(signals: PageSignals): string | null {
  const { $, article } = signals;
  return (
    primary($('html').attr('lang')) ??
    primary($('html').attr('xml:lang')) ??
    primary(metaValue(signals, 'content-language', 'og:locale', 'language', 'dc.language')) ??
    primary(article && isNode(article) && typeof article.inLanguage === 'string' ? article.inLanguage : null)
  );
}

/**
 * The page's language as a BCP 47 primary tag: what the page declares, unless its text is in a script only
 * another language is written in, or is long and detected with near certainty as another (templates that
 * always say "en"); what the text says when the page declares nothing.
 */
export function language(signals: PageSignals, text: string): string | null {
  const declared = declaredLanguage(signals);
  const sample = text.slice(0, SAMPLE);
  const script = byScript(sample);
  if (script) return script;
  if (text.length < MIN_TEXT) return declared;
  const scores = detectAll(sample);
  const top = scores[0];
  if (!top) return declared;
  if (!declared || top.lang === declared) return top.lang;
  const overrules =
    text.length >= OVERRULE_TEXT && top.accuracy >= CERTAIN && !scores.some((s) => s.lang === declared);
  return overrules ? top.lang : declared;
}
