import sniffHTMLEncoding from 'html-encoding-sniffer';
import { decode } from 'whatwg-encoding';

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

/**
 * Decodes an HTML body as a browser would: a BOM wins, then the HTTP charset, then a <meta> charset in
 * the first 1024 bytes, else UTF-8. Unknown labels are skipped, as the standard says.
 */
export function decodeHtml(body: Buffer, contentType: string | null): { text: string; encoding: string } {
  const encoding = sniffHTMLEncoding(body, {
    transportLayerEncodingLabel: charsetOf(contentType),
    defaultEncoding: 'UTF-8',
  });
  return { text: decode(body, encoding), encoding };
}
