import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, signUpAdmin, stack } from '@link-archive/testkit';

/** Debian's chromium (CI installs it); CHROMIUM_PATH points elsewhere. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: apt install chromium, or set CHROMIUM_PATH`);
  }
  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
afterAll(() => browser?.close());

describe('GraphQL Playground in a real browser', () => {
  it("loads with no external request, runs { me { handle } } as the cookie's ADMIN and subscribes", async () => {
    const admin = await signUpAdmin();
    const gateway = new URL(stack().gatewayUrl);
    const page = await browser.newPage();
    const external: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.host !== gateway.host) {
        external.push(request.url());
        return void request.abort();
      }
      void request.continue();
    });
    await page.setCookie({
      name: 'la_access_token',
      value: admin.accessToken,
      domain: gateway.hostname,
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
    });
    await page.goto(gateway.href, { waitUntil: 'load', timeout: 60_000 });
    // the first tab holds the example `me` query; run it from the UI
    const run = await page.waitForSelector('[title^="Execute Query"]', { timeout: 60_000 });
    // expressions evaluated in the page (its own `document`)
    await page.waitForFunction(`document.body.innerText.includes('me {')`, { timeout: 30_000, polling: 200 });
    await run!.click();
    // the answer, as the result pane shows it
    await page.waitForFunction(`document.body.innerText.includes(${JSON.stringify(`"${admin.handle}"`)})`, {
      timeout: 30_000,
      polling: 200,
    });
    expect(external).toEqual([]);

    // the Live updates tab subscribes through the gateway's own socket (the legacy protocol the Playground
    // speaks), signed in by the same cookie
    await page.locator('::-p-text(Live updates)').click();
    await page.waitForFunction(`document.body.innerText.includes('subscription LinkUpdated')`, {
      timeout: 30_000,
      polling: 200,
    });
    await (await page.waitForSelector('[title^="Execute Query"]'))!.click();
    // saves until one arrives: the subscription registers upstream asynchronously
    const saved: string[] = [];
    for (let i = 0; i < 40; i++) {
      const { saveLink } = await execute<{ saveLink: { id: string } }>(
        'mutation($u: String!) { saveLink(url: $u) { id } }',
        { u: `https://playground.example/${i}` },
        { token: admin.accessToken },
      );
      saved.push(saveLink.id);
      const seen = (await page.evaluate(`document.body.innerText`)) as string;
      if (saved.some((id) => seen.includes(id))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const seen = (await page.evaluate(`document.body.innerText`)) as string;
    expect(saved.some((id) => seen.includes(id))).toBe(true);
    expect(external).toEqual([]);
    await page.close();
  }, 120_000);
});
