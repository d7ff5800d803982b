import normalizeUrl from 'normalize-url';
import { badInput } from '@link-archive/core';

export const MAX_URL_LENGTH = 2048;

/** Query parameters that only track the click and never change the page. */
const TRACKING_PARAMS = [
  /^utm_\w+/i,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id)$/i,
  /^(mc_cid|mc_eid|_hsenc|_hsmi|igshid|si|mkt_tok|oly_anon_id|oly_enc_id|vero_id|_openstat)$/i,
];

/** Validates a URL a person saves and returns it with its per-owner dedupe key. */
export function parseSavedUrl(raw: string): { url: string; normalizedUrl: string } {
  const url = raw.trim();
  if (url.length === 0) throw badInput('url', 'url is required');
  if (url.length > MAX_URL_LENGTH) throw badInput('url', `url must be at most ${MAX_URL_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\s]/.test(url))
    throw badInput('url', 'url must not contain spaces or control characters');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('url', 'url is not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badInput('url', 'only http and https URLs can be saved');
  }
  if (!parsed.hostname) throw badInput('url', 'url must have a host');
  if (parsed.username || parsed.password) throw badInput('url', 'url must not contain credentials');
  const normalizedUrl = normalizeUrl(parsed.href, {
    stripHash: true,
    stripWWW: false,
    removeQueryParameters: TRACKING_PARAMS,
    removeTrailingSlash: true,
    removeSingleSlash: true,
    sortQueryParameters: true,
    stripTextFragment: true,
  });
  if (normalizedUrl.length > MAX_URL_LENGTH)
    throw badInput('url', `url must be at most ${MAX_URL_LENGTH} characters`);
  return { url, normalizedUrl };
}
