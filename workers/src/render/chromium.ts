import { existsSync } from 'node:fs';

/** Where distributions install Chromium (Debian's `chromium` package first). */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** The Chromium to render with: CHROMIUM_PATH when set (and present), else the first installed candidate. */
export function findChromium(configured: string | undefined): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Flags for a renderer that must open no socket of its own: every request is served through the guarded
 * client (request interception), and anything interception does not see (WebSockets, WebRTC, prefetches)
 * goes to a local proxy that refuses it. Iframes stay in the page's process so their requests are
 * intercepted too; background services that phone home are off.
 */
export function chromiumArgs(refusingProxy: string, noSandbox = false): string[] {
  return [
    `--proxy-server=${refusingProxy}`,
    // Chromium sends localhost past any proxy unless told otherwise
    '--proxy-bypass-list=<-loopback>',
    '--disable-features=site-per-process,IsolateOrigins,NetworkPrediction,OptimizationHints,MediaRouter,DialMediaRouteProvider',
    '--disable-site-isolation-trials',
    '--dns-prefetch-disable',
    '--no-pings',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-domain-reliability',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--mute-audio',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--block-new-web-contents',
    '--disable-webrtc',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    // as root (or in a container without user namespaces) Chromium's own sandbox cannot start
    ...(noSandbox || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
