declare module 'tinyld' {
  /** ISO 639-1 code of the text's language, or '' when unsure. */
  export function detect(text: string): string;
}
