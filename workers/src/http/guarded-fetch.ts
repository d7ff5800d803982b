import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AllowedHosts, blockedRange } from './address-policy';
import { FetchError, blocked } from './fetch-error';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface GuardedFetchOptions {
  allowedHosts?: AllowedHosts;
  maxRedirects?: number;
  /** Connect plus response headers. */
  headersTimeoutMs?: number;
  /** The whole fetch, redirects and body included. */
  totalTimeoutMs?: number;
  /** Body bytes after decompression. */
  maxBytes?: number;
  userAgent?: string;
  accept?: string;
  /** DNS; every answer is checked. Replaceable so tests can serve their own answers. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Whether to read the body of a response of this type; when not, the card comes from headers and URL. */
  wantsBody?: (contentType: string | null) => boolean;
  /** Called with the address a socket is about to connect to: the one place connections start. */
  onConnect?: (address: string, url: URL) => void;
  /**
   * 'manual': a redirect is answered as it came (status and Location, no body) for the caller to follow, as a
   * browser fed by this client does; 'follow' (default) follows and checks each hop here.
   */
  redirect?: 'follow' | 'manual';
  /** 'return': an HTTP error status is answered with its body (a browser shows 404 pages) instead of thrown. */
  errorStatus?: 'throw' | 'return';
}

export interface FetchedResource {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | null;
  body: Buffer;
  redirects: string[];
}

const DEFAULTS = {
  maxRedirects: 5,
  headersTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  userAgent: 'LinkArchiveBot/1.0 (+https://linkarchive.app/bot)',
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
};

const systemResolve = async (hostname: string): Promise<ResolvedAddress[]> =>
  dnsLookup(hostname, { all: true, verbatim: true });

/**
 * GET a URL that a user chose, safely: http/https only; every DNS answer checked and the connection
 * pinned to the checked address; redirects followed by hand and checked again; time, size and
 * decompressed size capped. Failures are FetchErrors with a code for the link's `error`.
 */
export async function guardedFetch(
  rawUrl: string,
  options: GuardedFetchOptions = {},
): Promise<FetchedResource> {
  // an option passed as undefined keeps its default
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...DEFAULTS, ...given } as typeof DEFAULTS & GuardedFetchOptions;
  const allowedHosts = options.allowedHosts ?? new AllowedHosts();
  const deadline = Date.now() + o.totalTimeoutMs;
  const redirects: string[] = [];
  let url = parseUrl(rawUrl);
  for (;;) {
    const address = await pickAddress(url, allowedHosts, options.resolve ?? systemResolve);
    const response = await request(url, address, o, deadline, options.onConnect);
    const location = response.headers.location;
    if (response.statusCode! >= 300 && response.statusCode! < 400 && location) {
      response.resume();
      if (o.redirect === 'manual') {
        return {
          url: url.href,
          status: response.statusCode!,
          headers: response.headers,
          contentType: null,
          body: Buffer.alloc(0),
          redirects,
        };
      }
      if (redirects.length >= o.maxRedirects) {
        response.destroy();
        throw new FetchError('TOO_MANY_REDIRECTS', `more than ${o.maxRedirects} redirects`, true);
      }
      redirects.push(url.href);
      url = parseUrl(location, url);
      continue;
    }
    const status = response.statusCode!;
    if (status >= 400 && o.errorStatus !== 'return') {
      response.destroy();
      const transient = status >= 500 || status === 408 || status === 429;
      throw new FetchError(`HTTP_${status}`, `the server answered ${status}`, !transient);
    }
    const contentType = response.headers['content-type'] ?? null;
    let body: Buffer = Buffer.alloc(0);
    if (options.wantsBody && !options.wantsBody(contentType)) response.destroy();
    else body = await readBody(response, o.maxBytes, deadline);
    return {
      url: url.href,
      status,
      headers: response.headers,
      contentType,
      body,
      redirects,
    };
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('INVALID_URL', 'not a valid URL', true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('UNSUPPORTED_SCHEME', `${url.protocol} URLs are not fetched`, true);
  }
  if (url.username || url.password)
    throw new FetchError('INVALID_URL', 'URLs with credentials are not fetched', true);
  return url;
}

/** Resolves the host and returns the address to connect to, refusing if any answer is not public. */
async function pickAddress(
  url: URL,
  allowedHosts: AllowedHosts,
  resolve: (hostname: string) => Promise<ResolvedAddress[]>,
): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let answers: ResolvedAddress[];
  if (isIP(hostname)) {
    answers = [{ address: hostname, family: isIP(hostname) }];
  } else {
    try {
      answers = await resolve(hostname);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const notFound = code === 'ENOTFOUND' || code === 'ENODATA';
      throw new FetchError(
        notFound ? 'DNS_NOT_FOUND' : 'DNS_FAILURE',
        `cannot resolve ${hostname}`,
        notFound,
      );
    }
  }
  if (answers.length === 0) throw new FetchError('DNS_NOT_FOUND', `no address for ${hostname}`, true);
  if (!allowedHosts.allows(url)) {
    for (const answer of answers) {
      if (blockedRange(answer.address)) throw blocked(`${hostname} (${answer.address})`);
    }
  }
  if (!allowedHosts.allowsPort(url)) {
    throw new FetchError('BLOCKED_PORT', `port ${url.port} is not fetched (only 80 and 443)`, true);
  }
  return answers[0]!;
}

function request(
  url: URL,
  address: ResolvedAddress,
  o: typeof DEFAULTS,
  deadline: number,
  onConnect?: (address: string, url: URL) => void,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const secure = url.protocol === 'https:';
    onConnect?.(address.address, url);
    // connect to the checked address itself; Host and TLS SNI still name the host
    const req = (secure ? https : http).request({
      protocol: url.protocol,
      host: address.address,
      family: address.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      agent: false,
      servername: secure && !isIP(hostname) ? hostname : undefined,
      headers: {
        host: url.host,
        'user-agent': o.userAgent,
        accept: o.accept,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const timeout = Math.min(o.headersTimeoutMs, Math.max(0, deadline - Date.now()));
    const timer = setTimeout(
      () => req.destroy(new FetchError('TIMEOUT', `no response within ${timeout} ms`, false)),
      timeout,
    );
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof FetchError ? err : new FetchError('CONNECTION_FAILED', err.message, false));
    });
    req.end();
  });
}

function decoded(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** Reads the body, decompressed, stopping at maxBytes (so a small gzip bomb cannot grow) or the deadline. */
function readBody(res: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new FetchError('TOO_LARGE', `body of ${declared} bytes exceeds ${maxBytes}`, true));
  }
  return new Promise((resolve, reject) => {
    const stream = decoded(res);
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (err: FetchError) => {
      clearTimeout(timer);
      res.destroy();
      stream.destroy();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new FetchError('TIMEOUT', 'the body did not arrive in time', false)),
      Math.max(0, deadline - Date.now()),
    );
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(new FetchError('TOO_LARGE', `body exceeds ${maxBytes} bytes`, true));
      chunks.push(chunk);
    });
    stream.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    stream.once('error', (err) => fail(new FetchError('BAD_RESPONSE', err.message, true)));
    res.once('error', (err) => fail(new FetchError('CONNECTION_FAILED', err.message, false)));
  });
}
