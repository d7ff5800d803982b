declare module 'tinyld' {
  /** ISO 639-1 code of the text's language, or '' when unsure. */
  export function detect(text: string): string;
  /** Every candidate language with its confidence (0-1), most likely first. */
  export function detectAll(text: string): { lang: string; accuracy: number }[];
}
