import type { Logger } from '@link-archive/core';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FetchError } from '../http/fetch-error';
import { guardedFetch, type GuardedFetchOptions } from '../http/guarded-fetch';
import { chromiumArgs } from './chromium';
import { RefusingProxy } from './refusing-proxy';

export interface RenderedPage {
  /** The DOM after scripts ran, serialized. */
  html: string;
  finalUrl: string;
  /** A PNG of the first screen, when asked for. */
  screenshot: Buffer | null;
}

export interface RenderLimits {
  /** Chromium's own sandbox off (see CHROMIUM_NO_SANDBOX). */
  noSandbox?: boolean;
  /** The whole render: navigation, scripts, subresources, screenshot. */
  totalTimeoutMs: number;
  /** Subresources a page may load. */
  maxRequests: number;
  /** Bytes of every response together. */
  maxTotalBytes: number;
}

/** Requests a readable render needs; media, fonts and beacons are refused (they cost and say nothing). */
const LOADED = new Set(['document', 'stylesheet', 'image', 'script', 'xhr', 'fetch', 'other']);
/** Response headers handed to the browser: enough to render, nothing that sets state. */
const PASSED_HEADERS = ['content-type', 'location', 'content-language', 'last-modified'];
const VIEWPORT = { width: 1280, height: 800 };
/** After load, how long the network must be quiet for the page to count as built, and how long to wait for it. */
const IDLE_MS = 500;
const IDLE_WAIT_MS = 3_000;

/**
 * Headless Chromium that opens no socket itself: every request the page makes (the document, redirects,
 * scripts, images, frames, XHR) is fetched by the guarded client — the address policy, DNS pinning, time and
 * size caps of every other fetch — and answered to the browser; what interception does not see goes to a
 * proxy that refuses it. One browser per process, a fresh context per page.
 */
export class PageRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly proxy = new RefusingProxy();

  constructor(
    private readonly executablePath: string,
    private readonly fetchOptions: GuardedFetchOptions,
    private readonly limits: RenderLimits,
    private readonly logger: Logger,
  ) {}

  async render(url: string, options: { screenshot: boolean }): Promise<RenderedPage> {
    const browser = await this.launch();
    const context = await browser.createBrowserContext();
    const deadline = Date.now() + this.limits.totalTimeoutMs;
    let navigationError: FetchError | null = null;
    try {
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      await page.setBypassServiceWorker(true);
      await page.setRequestInterception(true);
      const budget = { requests: 0, bytes: 0 };
      page.on('request', (request) => {
        void this.serve(request, budget, deadline).then((failure) => {
          if (failure && request.isNavigationRequest() && request.frame() === page.mainFrame())
            navigationError ??= failure;
        });
      });
      const response = await page
        .goto(url, { waitUntil: 'load', timeout: Math.max(1, deadline - Date.now()) })
        .catch((err: unknown) => {
          throw navigationError ?? new FetchError('RENDER_FAILED', (err as Error).message, false);
        });
      if (navigationError) throw navigationError;
      if (!response) throw new FetchError('RENDER_FAILED', 'the page did not load', false);
      await page
        .waitForNetworkIdle({
          idleTime: IDLE_MS,
          timeout: Math.min(IDLE_WAIT_MS, Math.max(1, deadline - Date.now())),
        })
        .catch(() => undefined);
      return await this.snapshot(page, options.screenshot);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
    await this.proxy.close();
  }

  private async snapshot(page: Page, screenshot: boolean): Promise<RenderedPage> {
    const html = await page.content();
    const shot = screenshot ? Buffer.from(await page.screenshot({ type: 'png' })) : null;
    return { html, finalUrl: page.url(), screenshot: shot };
  }

  /** Answers one browser request through the guarded client; returns why it was refused, if it was. */
  private async serve(
    request: HTTPRequest,
    budget: { requests: number; bytes: number },
    deadline: number,
  ): Promise<FetchError | null> {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) {
      await request.continue().catch(() => undefined);
      return null;
    }
    const refuse = async (error: FetchError) => {
      await request.abort('blockedbyclient').catch(() => undefined);
      return error;
    };
    if (request.method() !== 'GET')
      return refuse(new FetchError('RENDER_REFUSED', `${request.method()} is not sent`, true));
    if (!LOADED.has(request.resourceType()))
      return refuse(new FetchError('RENDER_REFUSED', `${request.resourceType()} is not loaded`, true));
    if (++budget.requests > this.limits.maxRequests)
      return refuse(new FetchError('TOO_LARGE', `more than ${this.limits.maxRequests} requests`, true));
    const remaining = deadline - Date.now();
    if (remaining <= 0) return refuse(new FetchError('TIMEOUT', 'the render ran out of time', false));
    try {
      const res = await guardedFetch(url, {
        ...this.fetchOptions,
        redirect: 'manual',
        errorStatus: 'return',
        totalTimeoutMs: Math.min(this.fetchOptions.totalTimeoutMs ?? remaining, remaining),
        maxBytes: Math.min(
          this.fetchOptions.maxBytes ?? this.limits.maxTotalBytes,
          this.limits.maxTotalBytes - budget.bytes,
        ),
        accept: request.headers().accept ?? '*/*',
      });
      budget.bytes += res.body.length;
      const headers: Record<string, string> = {};
      for (const name of PASSED_HEADERS) {
        const value = res.headers[name];
        if (typeof value === 'string')
          headers[name] = name === 'location' ? new URL(value, res.url).href : value;
      }
      await request.respond({ status: res.status, headers, body: res.body }).catch(() => undefined);
      return null;
    } catch (err) {
      const error =
        err instanceof FetchError ? err : new FetchError('RENDER_FAILED', (err as Error).message, false);
      if (error.code === 'BLOCKED_ADDRESS')
        this.logger.info({ url, code: error.code }, 'render request refused');
      return refuse(error);
    }
  }

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const launching = (async () => {
      const proxy = await this.proxy.start();
      const browser = await puppeteer.launch({
        executablePath: this.executablePath,
        headless: true,
        args: chromiumArgs(proxy, this.limits.noSandbox),
        // the worker's own shutdown closes it
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browser.once('disconnected', () => {
        if (this.browser === launching) this.browser = null;
        this.logger.warn('Chromium disconnected; the next render starts it again');
      });
      return browser;
    })();
    this.browser = launching;
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    return launching;
  }
}
