import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeHtml } from './decode-html';

const korean = '<title>한국어 기사 제목</title>';
const japanese = '<title>日本語の記事</title>';

describe('decodeHtml', () => {
  it('decodes an EUC-KR page declared in a <meta> tag', () => {
    const body = iconv.encode(`<html><head><meta charset="euc-kr">${korean}</head></html>`, 'euc-kr');
    const { text, encoding } = decodeHtml(body, 'text/html');
    expect(encoding).toBe('EUC-KR');
    expect(text).toContain(korean);
  });

  it('decodes a Shift_JIS page declared in the HTTP header, also in http-equiv form', () => {
    const header = decodeHtml(iconv.encode(japanese, 'shift_jis'), 'text/html; charset=Shift_JIS');
    expect([header.encoding, header.text]).toEqual(['Shift_JIS', japanese]);
    const meta = decodeHtml(
      iconv.encode(
        `<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">${japanese}`,
        'shift_jis',
      ),
      null,
    );
    expect(meta.text).toContain(japanese);
  });

  it('lets a byte order mark win over the header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(korean, 'utf8')]);
    expect(decodeHtml(body, 'text/html; charset=iso-8859-1')).toEqual({ text: korean, encoding: 'UTF-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(japanese, 'utf16le')]);
    expect(decodeHtml(utf16, null).text).toBe(japanese);
  });

  it('falls back to UTF-8 for unknown or missing labels', () => {
    expect(decodeHtml(Buffer.from(korean), 'text/html; charset=no-such-charset').text).toBe(korean);
    expect(decodeHtml(Buffer.from(korean), null).encoding).toBe('UTF-8');
  });

  it('reads the charset parameter', () => {
    expect(charsetOf('text/html; Charset="EUC-KR"')).toBe('EUC-KR');
    expect(charsetOf('text/html')).toBeUndefined();
  });
});
