import sanitizeHtml from 'sanitize-html';

/** A stored article larger than this is cut (it is a reading copy, not an archive of the whole site). */
export const MAX_ARTICLE_BYTES = 512 * 1024;
/** Adult silent reading speed, words per minute. */
const WORDS_PER_MINUTE = 230;

/** What a readable copy may hold: text structure and links; no scripts, styles, forms, frames or media. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'mark',
    'small',
    'sub',
    'sup',
    'code',
    'pre',
    'kbd',
    'br',
    'hr',
    'abbr',
    'cite',
    'q',
    'time',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  // images, video and embeds are dropped with their contents; other unknown tags keep their text
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'svg',
    'math',
    'iframe',
    'object',
    'video',
    'audio',
    'canvas',
    'picture',
    'button',
    'select',
    'form',
  ],
  exclusiveFilter: (frame) => (frame.tag === 'figure' || frame.tag === 'p') && !frame.text.trim(),
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The readable article as a standalone, inert HTML document: Readability's article, sanitized by allow-list
 * (sanitize-html), links made absolute and opened without referrer, images dropped (the copy must not call
 * out to the page's servers), under a Content-Security-Policy that lets nothing load or run.
 */
export function readableDocument(
  articleHtml: string,
  pageUrl: string,
  meta: { title: string | null; language: string | null },
): string | null {
  const body = sanitizeHtml(articleHtml, {
    ...ALLOWED,
    transformTags: {
      a: (tagName, attribs) => {
        let href: string | undefined;
        try {
          const url = new URL(attribs.href ?? '', pageUrl);
          if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
        } catch {
          href = undefined;
        }
        const kept: Record<string, string> = href ? { href, rel: 'nofollow noopener noreferrer' } : {};
        return { tagName, attribs: kept };
      },
    },
    allowedAttributes: { ...(ALLOWED.allowedAttributes as Record<string, string[]>), a: ['href', 'rel'] },
  }).trim();
  if (!body.replace(/<[^>]+>/g, '').trim()) return null;
  const lang = meta.language && /^[a-z]{2,3}$/.test(meta.language) ? ` lang="${meta.language}"` : '';
  const document = `<!doctype html><html${lang}><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(meta.title ?? '')}</title></head>
<body><article>
${body}
</article></body></html>
`;
  return Buffer.byteLength(document) <= MAX_ARTICLE_BYTES ? document : truncated(document);
}

/** Cuts an oversized copy at a paragraph boundary below the cap and closes it. */
function truncated(document: string): string {
  const bytes = Buffer.from(document);
  const head = bytes.subarray(0, MAX_ARTICLE_BYTES - 64).toString('utf8');
  const cut = head.lastIndexOf('</p>');
  return `${head.slice(0, cut > 0 ? cut + 4 : head.lastIndexOf('>') + 1)}\n</article></body></html>\n`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words of a text, in any script (a segmenter, not spaces: Korean, Japanese and Chinese count right). */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

export const readingMinutes = (words: number) =>
  words > 0 ? Math.max(1, Math.round(words / WORDS_PER_MINUTE)) : 0;
