import iconv from 'iconv-lite';
import type { Article } from './articles';
import { PLACES, PRODUCTS, TOPICS } from './fixtures';

/** What a careful reader would write down for a page. */
export interface Expected {
  title: string;
  author: string | null;
  description: string | null;
  /** ISO instant; null when the page says nothing about when it was published. */
  publishedAt: string | null;
  siteName: string;
  language: string;
}

export interface CorpusPage {
  name: string;
  url: string;
  body: Buffer;
  contentType: string;
  expected: Expected;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ld = (value: unknown) => JSON.stringify(value, null, 1).replace(/</g, '\\u003c');
const paragraphs = (a: { paragraphs: string[] }) => a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'article';
const utf8 = (html: string) => Buffer.from(html, 'utf8');
/** What a reader expects of an article page that states its title, author, date and site plainly. */
const asWritten = (
  a: Article,
  site: string,
  published: string,
  description: 'summary' | 'first paragraph',
  language: string,
): Expected => ({
  title: a.title,
  author: a.author,
  description: description === 'summary' ? a.summary : a.paragraphs[0]!,
  publishedAt: published,
  siteName: site,
  language,
});

/** A page served as UTF-8 HTML with what a reader expects of it. */
const htmlPage = (name: string, url: string, html: string, expected: Expected): CorpusPage => ({
  name,
  url,
  body: utf8(html),
  contentType: 'text/html; charset=utf-8',
  expected,
});

/** A menu, share buttons and a footer: the markup around every article. */
const chrome = (site: string) => ({
  header: `<header class="site-header"><div class="logo"><a href="/"><img src="/static/logo.svg" alt="${esc(site)} logo"></a></div>
<nav><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/culture">Culture</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>`,
  share: `<div class="share-bar"><button>Share on Facebook</button><button>Share on X</button><button>Copy link</button></div>`,
  footer: `<footer><p>© 2026 ${esc(site)}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`,
});

/** News site: JSON-LD @graph with @id references, a "Follow" button by the byline, a wire photo credit. */
export function newsGraph(a: Article, i: number, published: string, modified: string): CorpusPage {
  const site = ['The Daily Courier', 'Northern Herald', 'Capital Tribune', 'The Evening Post'][i % 4]!;
  const host = ['dailycourier.com', 'northernherald.co.uk', 'capitaltribune.com', 'eveningpost.news'][i % 4]!;
  const url = `https://www.${host}/news/2025/${slug(a.title)}`;
  const c = chrome(site);
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>${esc(a.title)} | ${esc(site)}</title>
<meta name="description" content="${esc(a.summary)}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.summary)}">
<meta property="og:type" content="article">
<meta property="og:image" content="https://cdn.${host}/images/lead-${i}.jpg">
<meta property="article:modified_time" content="${modified}">
<link rel="canonical" href="${url}">
<script type="application/ld+json">${ld({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': `https://www.${host}/#website`, name: site, url: `https://www.${host}/` },
      {
        '@type': 'Organization',
        '@id': `https://www.${host}/#org`,
        name: site,
        logo: { '@type': 'ImageObject', url: `https://www.${host}/logo.png` },
      },
      {
        '@type': 'Person',
        '@id': `https://www.${host}/#author-${i}`,
        name: a.author,
        url: `https://www.${host}/author/${slug(a.author)}`,
      },
      {
        '@type': 'WebPage',
        '@id': `${url}#webpage`,
        url,
        name: `${a.title} | ${site}`,
        isPartOf: { '@id': `https://www.${host}/#website` },
      },
      {
        '@type': 'NewsArticle',
        '@id': `${url}#article`,
        headline: a.title,
        description: a.summary,
        dateModified: modified,
        datePublished: published,
        author: [{ '@id': `https://www.${host}/#author-${i}` }],
        publisher: { '@id': `https://www.${host}/#org` },
        mainEntityOfPage: { '@id': `${url}#webpage` },
      },
    ],
  })}</script></head><body>${c.header}
<main><article><h1>${esc(a.title)}</h1>
<div class="author-card"><a href="/author/${slug(a.author)}" class="author-link">${esc(a.author)}</a> <button class="follow-button">Follow ${esc(a.author)}</button>
<time datetime="${modified}">Updated</time></div>
<figure><img src="/img/lead-${i}.jpg" alt=""><figcaption class="caption">Residents at the meeting. <span class="credit">AP Photo/Mark Lennon</span></figcaption></figure>
${paragraphs(a)}
${c.share}</article>
<aside class="related"><h2>More news</h2><ul><li><a href="/n/1">Another story</a> <time datetime="2026-11-19T10:00:00Z">Yesterday</time></li></ul></aside></main>${c.footer}</body></html>`;
  return htmlPage(`news-graph-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** JSON-LD wrapped in CDATA (as XHTML-era CMSes still print it), no meta author, byline with a follow prompt. */
export function cdataLd(a: Article, i: number, published: string): CorpusPage {
  const site = ['Metro Ledger', 'Valley Voice', 'Bay Chronicle', 'Hilltop Review'][i % 4]!;
  const host = ['metroledger.com', 'valleyvoice.org', 'baychronicle.net', 'hilltopreview.com'][i % 4]!;
  const url = `https://${host}/stories/${slug(a.title)}`;
  const wrap = i % 2 === 0 ? ['//<![CDATA[', '//]]>'] : ['/*<![CDATA[*/', '/*]]>*/'];
  const c = chrome(site);
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(a.title)} - ${esc(site)}</title>
<meta property="og:site_name" content="${esc(site)}" />
<meta property="og:title" content="${esc(a.title)}" />
<meta name="description" content="${esc(a.summary)}" />
<script type="application/ld+json">${wrap[0]}
${ld({ '@context': 'http://schema.org', '@type': 'Article', headline: a.title, datePublished: published, author: { '@type': 'Person', name: a.author }, publisher: { '@type': 'Organization', name: site } })}
${wrap[1]}</script>
</head><body>${c.header}<div id="content"><h1 class="entry-title">${esc(a.title)}</h1>
<div class="byline-box"><span class="follow">Follow us on social media</span></div>
${paragraphs(a)}
<div class="comments"><h3>Comments</h3><div class="comment"><span class="author">Reader42</span><p>Great piece!</p><time datetime="2026-11-18T08:00:00Z">2 days ago</time></div></div>
</div>${c.footer}</body></html>`;
  return htmlPage(`cdata-ld-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** Parse.ly's tags are all the metadata there is: no Open Graph, no JSON-LD, no meta description. */
export function parselyOnly(a: Article, i: number, published: string): CorpusPage {
  const site = ['Harbor Times', 'Lakeview Daily', 'Summit Gazette', 'Prairie Star'][i % 4]!;
  const host = ['harbortimes.com', 'lakeviewdaily.com', 'summitgazette.com', 'prairiestar.net'][i % 4]!;
  const url = `https://www.${host}/${2025}/${slug(a.title)}/`;
  const legacy = i % 2 === 1;
  const metaTags = legacy
    ? `<meta name="parsely-page" content='${esc(JSON.stringify({ title: a.title, link: url, type: 'post', author: a.author, pub_date: published, section: 'Local' }))}'>`
    : `<meta name="parsely-title" content="${esc(a.title)}">
<meta name="parsely-link" content="${url}">
<meta name="parsely-type" content="post">
<meta name="parsely-pub-date" content="${published}">
<meta name="parsely-section" content="Local">
<meta name="parsely-author" content="${esc(a.author)}">`;
  const c = chrome(site);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(site)}</title>
${metaTags}
</head><body>${c.header}<main><h1>${esc(a.title)}</h1>
<p class="dateline">Local news</p>
${paragraphs(a)}
</main>${c.footer}</body></html>`;
  return htmlPage(`parsely-${i}`, url, html, asWritten(a, site, published, 'first paragraph', 'en'));
}

/** An encyclopedia article: the site's name in og:title, a JSON-LD headline that is a description, an infobox. */
export function wikipedia(i: number, published: string, modified: string): CorpusPage {
  const t = TOPICS[i % TOPICS.length]!;
  const url = `https://en.wikipedia.org/wiki/${encodeURIComponent(t.title.replace(/ /g, '_'))}`;
  const html = `<!DOCTYPE html><html class="client-nojs" lang="en" dir="ltr"><head><meta charset="UTF-8">
<title>${esc(t.title)} - Wikipedia</title>
<meta property="og:title" content="${esc(t.title)} - Wikipedia">
<meta property="og:type" content="website">
<meta property="og:image" content="https://upload.wikimedia.org/wikipedia/commons/${i}.jpg">
<link rel="canonical" href="${url}">
<script type="application/ld+json">${ld({
    '@context': 'https://schema.org',
    '@type': 'Article',
    name: t.title,
    url,
    sameAs: 'http://www.wikidata.org/entity/Q' + (1000 + i),
    author: { '@type': 'Organization', name: 'Contributors to Wikimedia projects' },
    publisher: {
      '@type': 'Organization',
      name: 'Wikimedia Foundation, Inc.',
      logo: { '@type': 'ImageObject', url: 'https://www.wikimedia.org/static/images/wmf-hor-googpub.png' },
    },
    datePublished: published,
    dateModified: modified,
    headline: t.short,
  })}</script></head><body class="mediawiki">
<div id="mw-head"><a href="/wiki/Main_Page" class="mw-wiki-logo" title="Visit the main page"></a></div>
<div id="content"><h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">${esc(t.title)}</span></h1>
<div id="bodyContent"><div id="siteSub">From Wikipedia, the free encyclopedia</div>
<div class="mw-content-ltr mw-parser-output">
<div role="note" class="hatnote">For other uses, see ${esc(t.title)} (disambiguation).</div>
<table class="infobox"><tbody><tr><th>Established</th><td><span class="date">${t.founded}</span></td></tr><tr><th>Type</th><td>${esc(t.short)}</td></tr></tbody></table>
<p class="mw-empty-elt"></p>
${paragraphs(t)}
<h2>History</h2><p>Records from ${t.founded} describe its beginnings in some detail, and later accounts were collected in the town archive.</p>
<div class="reflist"><ol><li>Retrieved 3 March 2027.</li></ol></div>
</div></div></div>
<div id="footer"><ul><li id="footer-info-lastmod"> This page was last edited on ${modified.slice(0, 10)}.</li></ul></div></body></html>`;
  return {
    name: `wikipedia-${i}`,
    url,
    body: utf8(html),
    contentType: 'text/html; charset=UTF-8',
    expected: {
      title: t.title,
      author: null,
      description: t.paragraphs[0]!,
      publishedAt: published,
      siteName: 'Wikipedia',
      language: 'en',
    },
  };
}

/** A paywalled story: a teaser of the text, "By" inside the meta author, published and modified times. */
export function paywall(a: Article, i: number, published: string, modified: string): CorpusPage {
  const site = ['The Ledger Review', 'Financial Standard', 'The Atlantic Courier'][i % 3]!;
  const host = ['ledgerreview.com', 'finstandard.com', 'atlanticcourier.com'][i % 3]!;
  const url = `https://www.${host}/articles/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en-US"><head><meta charset="utf-8">
<title>${esc(a.title)} - ${esc(site)}</title>
<meta property="og:site_name" content="${esc(site)}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.summary)}">
<meta name="author" content="By ${esc(a.author)}">
<meta property="article:modified_time" content="${modified}">
<meta property="article:published_time" content="${published}">
<script type="application/ld+json">${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' }, datePublished: published, dateModified: modified })}</script>
</head><body><div class="masthead">${esc(site)}</div><article><h1>${esc(a.title)}</h1>
<p class="byline">By <a href="/by/${slug(a.author)}">${esc(a.author)}</a></p>
<p>${esc(a.paragraphs[0]!)}</p>
<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p><button>Start your free trial</button></div>
</article></body></html>`;
  return htmlPage(`paywall-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** A Korean news portal page served in EUC-KR: a title with " : 사이트", the time only in a data attribute. */
export function koreanPortal(a: Article, i: number, publishedKst: string): CorpusPage {
  const site = ['한빛일보', '새날신문', '푸른뉴스', '바른경제'][i % 4]!;
  const host = ['hanbitilbo.co.kr', 'saenal.co.kr', 'pureunnews.com', 'bareun.kr'][i % 4]!;
  const url = `https://news.${host}/article/${100200 + i}`;
  const [date, time] = publishedKst.split('T');
  const hhmm = time!.slice(0, 5);
  const withMeta = i % 2 === 0;
  const html = `<!DOCTYPE html><html lang="ko"><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<title>${esc(a.title)} : ${esc(site)}</title>
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${esc(a.summary)}">
<meta property="og:site_name" content="${esc(site)}">
<meta property="og:article:author" content="${esc(site)}">
${withMeta ? `<meta property="article:published_time" content="${publishedKst}+09:00">` : ''}
</head><body><div id="gnb"><a href="/">${esc(site)}</a> <a href="/login">로그인</a></div>
<div class="media_end_head"><h2 class="media_end_head_headline">${esc(a.title)}</h2>
<div class="media_end_head_info"><span class="media_end_head_info_datestamp_time" data-date-time="${date} ${time}">${date!.replace(/-/g, '.')}. ${hhmm}</span>
<em class="media_end_head_journalist_name">${esc(a.author)}</em><button class="subscribe">구독</button></div></div>
<div id="dic_area" class="newsct_article">${a.paragraphs.map((p) => `${esc(p)}<br><br>`).join('\n')}
<span class="byline_s">${esc(a.author)} (reporter${i}@${host})</span></div>
<div class="copyright">ⓒ ${esc(site)}. 무단전재 및 재배포 금지</div></body></html>`;
  return {
    name: `korean-portal-${i}`,
    url,
    body: iconv.encode(html, 'euc-kr'),
    contentType: 'text/html',
    expected: {
      title: a.title,
      author: a.author,
      description: a.summary,
      publishedAt: new Date(`${publishedKst}+09:00`).toISOString(),
      siteName: site,
      language: 'ko',
    },
  };
}

/** A Korean blog: no description meta, a template that declares English, the post in Korean. */
export function koreanBlog(a: Article, i: number, published: string): CorpusPage {
  const site = ['소소한 일상 기록', '여행하는 글쟁이', '오늘의 부엌', '책 읽는 밤'][i % 4]!;
  const host = ['sosohan.tistory.com', 'writer-travels.tistory.com', 'todaykitchen.blog', 'booknight.blog'][
    i % 4
  ]!;
  const url = `https://${host}/${20 + i}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="og:site_name" content="${esc(site)}">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${published}">
</head><body><div id="header"><a href="/">${esc(site)}</a><a href="/guestbook">방명록</a></div>
<div class="article-header"><h1>${esc(a.title)}</h1><span class="writer">${esc(a.author)}</span></div>
<div class="entry-content">${paragraphs(a)}</div>
<div class="another_category"><a href="/c/1">다른 글</a></div></body></html>`;
  return htmlPage(`korean-blog-${i}`, url, html, asWritten(a, site, published, 'first paragraph', 'ko'));
}

/** A product page: the brand is not an author and a product has no publication date. */
export function product(i: number): CorpusPage {
  const p = PRODUCTS[i % PRODUCTS.length]!;
  const korean = /[가-힣]/.test(p.name);
  const url = `https://www.${p.host}/products/${100 + i}`;
  const html = `<!doctype html><html lang="${korean ? 'ko' : 'en'}"><head><meta charset="utf-8">
<title>${esc(p.name)} | ${esc(p.site)}</title>
<meta name="description" content="${esc(p.description)}">
<meta property="og:type" content="product">
<meta property="og:title" content="${esc(p.name)}">
<meta property="og:site_name" content="${esc(p.site)}">
<script type="application/ld+json">${ld({
    '@context': 'https://schema.org/',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    brand: { '@type': 'Brand', name: p.brand },
    sku: `SKU-${i}`,
    offers: {
      '@type': 'Offer',
      price: '59.00',
      priceCurrency: korean ? 'KRW' : 'GBP',
      availability: 'https://schema.org/InStock',
      priceValidUntil: '2027-12-31',
    },
    aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.4', reviewCount: '87' },
  })}</script></head><body><header><div class="logo"><img src="/logo.png" alt="${esc(p.site)}"></div></header>
<main><h1 class="product-title">${esc(p.name)}</h1><div class="price">59.00</div><button>Add to basket</button>
<div class="product-description"><p>${esc(p.description)}</p></div>
<section class="reviews"><div class="review"><span class="review-author">Sam K.</span> <span class="date">March 3, 2025</span><p>Does the job well.</p></div></section>
</main></body></html>`;
  return htmlPage(`product-${i}`, url, html, {
    title: p.name,
    author: null,
    description: p.description,
    publishedAt: null,
    siteName: p.site,
    language: korean ? 'ko' : 'en',
  });
}

/** A place page: a restaurant's JSON-LD, opening hours and reviews; no author, no publication date. */
export function place(i: number): CorpusPage {
  const p = PLACES[i % PLACES.length]!;
  const url = `https://${p.host}/place/${slug(p.name) === 'article' ? 200 + i : slug(p.name)}`;
  const html = `<!doctype html><html lang="${p.language}"><head><meta charset="utf-8">
<title>${esc(p.name)} - ${esc(p.site)}</title>
<meta property="og:title" content="${esc(p.name)}">
<meta property="og:description" content="${esc(p.description)}">
<meta property="og:site_name" content="${esc(p.site)}">
<script type="application/ld+json">${ld({
    '@context': 'https://schema.org',
    '@type': 'Restaurant',
    name: p.name,
    description: p.description,
    foundingDate: '1972',
    address: { '@type': 'PostalAddress', streetAddress: '12 Market Lane', addressLocality: 'Seoul' },
    openingHoursSpecification: [
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'Monday', opens: '11:00', closes: '21:00' },
    ],
    aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.6', reviewCount: '214' },
    review: [
      {
        '@type': 'Review',
        author: { '@type': 'Person', name: 'Jin' },
        datePublished: '2025-04-02',
        reviewBody: 'Worth the queue.',
        reviewRating: { '@type': 'Rating', ratingValue: '5' },
      },
    ],
  })}</script></head><body><h1>${esc(p.name)}</h1><p class="address">12 Market Lane</p>
<div class="hours">Open daily 11:00–21:00</div><p>${esc(p.description)}</p></body></html>`;
  return htmlPage(`place-${i}`, url, html, {
    title: p.name,
    author: null,
    description: p.description,
    publishedAt: null,
    siteName: p.site,
    language: p.language,
  });
}

/** A personal blog: the visible byline and <time> are all it says; "Title | Blog name" in the tab. */
export function visibleByline(a: Article, i: number, published: string): CorpusPage {
  const first = a.author.split(' ')[0]!;
  const site = `${first}'s Notebook`;
  const host = `${first.toLowerCase()}snotebook.blog`;
  const url = `https://${host}/${published.slice(0, 4)}/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(site)}</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>
<header><a class="site-title" href="/">${esc(site)}</a><a class="follow" href="https://instagram.example/x">Follow me on Instagram</a></header>
<article class="post"><h1 class="post-title">${esc(a.title)}</h1>
<p class="post-meta">Posted by <a href="/about" rel="author">${esc(a.author)}</a> on <time datetime="${published}">${new Date(published).toDateString()}</time></p>
${paragraphs(a)}</article>
<aside class="sidebar"><h3>About me</h3><p>I write about food and travel.</p></aside></body></html>`;
  return htmlPage(`visible-byline-${i}`, url, html, asWritten(a, site, published, 'first paragraph', 'en'));
}

/** IndieWeb microformats (h-entry) only, an en dash before the site's name. */
export function hEntry(a: Article, i: number, published: string): CorpusPage {
  const site = ['Notes from Somewhere', 'Field Journal', 'Small Hours'][i % 3]!;
  const host = ['notesfromsomewhere.net', 'fieldjournal.org', 'smallhours.net'][i % 3]!;
  const url = `https://${host}/posts/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} – ${esc(site)}</title>
<meta name="description" content="${esc(a.summary)}"></head><body>
<article class="h-entry"><h1 class="p-name">${esc(a.title)}</h1>
<a class="p-author h-card" href="https://${host}/">${esc(a.author)}</a>
<time class="dt-published" datetime="${published}">${published.slice(0, 10)}</time>
<div class="e-content">${paragraphs(a)}</div></article></body></html>`;
  return htmlPage(`h-entry-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** A wire story run by a newspaper: the agency is the author; photo credits name it too. */
export function wireStory(a: Article, i: number, published: string): CorpusPage {
  const agency = ['Associated Press', 'Reuters', 'Agence France-Presse'][i % 3]!;
  const site = ['Midland Observer', 'Coastal Times', 'The Plains Daily'][i % 3]!;
  const host = ['midlandobserver.com', 'coastaltimes.com', 'plainsdaily.com'][i % 3]!;
  const url = `https://www.${host}/wire/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(site)}</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(site)}">
<meta property="og:description" content="${esc(a.summary)}">
<script type="application/ld+json">${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, datePublished: published, author: { '@type': 'Organization', name: agency }, publisher: { '@type': 'Organization', name: site } })}</script>
</head><body><article><h1>${esc(a.title)}</h1><div class="byline">By ${esc(agency)}</div>
<figure><img src="/wire/${i}.jpg" alt=""><figcaption>(${esc(agency)} Photo/Ken Ito)</figcaption></figure>
${paragraphs(a)}</article></body></html>`;
  return htmlPage(`wire-${i}`, url, html, {
    title: a.title,
    author: agency,
    description: a.summary,
    publishedAt: published,
    siteName: site,
    language: 'en',
  });
}

/** Dates that are not the publication: an event next year in the text, a copyright year, an updated time. */
export function futureDates(a: Article, i: number, published: string): CorpusPage {
  const site = ['Riverside Record', 'The Town Crier', 'Weekend Magazine'][i % 3]!;
  const host = ['riversiderecord.com', 'towncrier.news', 'weekendmag.com'][i % 3]!;
  const url = `https://${host}/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} - ${esc(site)}</title>
<meta property="og:site_name" content="${esc(site)}"><meta name="author" content="${esc(a.author)}">
</head><body><article><h1>${esc(a.title)}</h1>
<p class="event">The next open day is on <time datetime="2027-03-12">12 March 2027</time>.</p>
<div class="byline">By ${esc(a.author)} | <time datetime="${published}">${published.slice(0, 10)}</time></div>
${paragraphs(a)}
<p class="date">Tickets go on sale 1 January 2027.</p></article>
<footer>Copyright © 2027 ${esc(site)}</footer></body></html>`;
  return htmlPage(`future-dates-${i}`, url, html, asWritten(a, site, published, 'first paragraph', 'en'));
}

/** Modified before published everywhere (JSON-LD and meta), straight quotes in the title kept as written. */
export function modifiedFirst(a: Article, i: number, published: string, modified: string): CorpusPage {
  const site = ['Science Weekly', 'Outdoor Life Journal', 'Tech & Society'][i % 3]!;
  const host = ['scienceweekly.org', 'outdoorlifejournal.com', 'techandsociety.net'][i % 3]!;
  const url = `https://${host}/a/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>${esc(a.title)} - ${esc(site)}</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(site)}">
<meta name="twitter:description" content="${esc(a.summary)}">
<meta property="article:modified_time" content="${modified}">
<meta property="article:published_time" content="${published}">
<meta name="date" content="${modified}">
<script type="application/ld+json">${ld({ '@context': 'https://schema.org', '@type': 'BlogPosting', headline: a.title, dateModified: modified, datePublished: published, author: [{ '@type': 'Person', name: a.author, url: `https://${host}/people/${slug(a.author)}` }] })}</script>
</head><body><article><h1>${esc(a.title)}</h1><p class="updated">Updated <time datetime="${modified}">recently</time></p>
${paragraphs(a)}</article></body></html>`;
  return htmlPage(`modified-first-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** A CMS that encodes its metadata twice (&amp;#8217;) and curly quotes the page chose itself. */
export function doubleEncoded(a: Article, i: number, published: string): CorpusPage {
  const site = ['Home Cook', 'Pantry Notes'][i % 2]!;
  const host = ['homecook.example.com', 'pantrynotes.com'][i % 2]!;
  const curly = a.title.replace(/'/g, '’');
  const twice = (s: string) => esc(s).replace(/’/g, '&amp;#8217;');
  const url = `https://${host}/recipes/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${twice(curly)} &#8211; ${esc(site)}</title>
<meta property="og:title" content="${twice(curly)}"><meta property="og:site_name" content="${esc(site)}">
<meta property="og:description" content="${twice(a.summary)}">
<meta property="article:published_time" content="${published}">
<meta name="author" content="${esc(a.author)}">
</head><body><h1>${esc(curly)}</h1>${paragraphs(a)}</body></html>`;
  return htmlPage(`double-encoded-${i}`, url, html, {
    title: curly,
    author: a.author,
    description: a.summary,
    publishedAt: published,
    siteName: site,
    language: 'en',
  });
}

/** No declared site name: a privacy seal's alt text and a logo file name are where metascraper looks. */
export function sealsAndLogos(a: Article, i: number, published: string): CorpusPage {
  const site = ['Lakeside Gazette', 'Oakridge Bulletin', 'Canal Street Journal'][i % 3]!;
  const host = ['lakesidegazette.com', 'oakridgebulletin.com', 'canalstreetjournal.com'][i % 3]!;
  const url = `https://www.${host}/local/${slug(a.title)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} — ${esc(site)}</title>
<meta name="description" content="${esc(a.summary)}"><meta property="article:published_time" content="${published}">
</head><body><div class="header"><div class="logo"><a href="/"><img src="/img/masthead_2x.png" alt="masthead_2x.png"></a></div>
<div class="trust-logo"><img src="/img/truste.png" alt="TRUSTe online privacy certification"></div></div>
<div class="story"><h1>${esc(a.title)}</h1><span class="author-name">By ${esc(a.author)}</span>${paragraphs(a)}</div></body></html>`;
  return htmlPage(`seals-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}

/** A page in another language that says so, with a short text a detector could mistake. */
export function declaredLanguage(a: Article, i: number, published: string): CorpusPage {
  const site = {
    es: 'Diario del Sur',
    de: 'Landbote',
    fr: 'Le Petit Régional',
    pt: 'Jornal da Vila',
    it: 'Il Quartiere',
  }[a.language as 'es']!;
  const host = {
    es: 'diariodelsur.es',
    de: 'landbote.de',
    fr: 'lepetitregional.fr',
    pt: 'jornaldavila.pt',
    it: 'ilquartiere.it',
  }[a.language as 'es']!;
  const url = `https://www.${host}/${slug(a.title)}-${i}`;
  // only the first paragraph: a short text, where a detector is least sure
  const html = `<!doctype html><html lang="${a.language}"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(site)}</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(site)}">
<meta name="description" content="${esc(a.summary)}"><meta name="author" content="${esc(a.author)}">
<meta property="article:published_time" content="${published}">
</head><body><article><h1>${esc(a.title)}</h1><p>${esc(a.paragraphs[i % 2 === 0 ? 0 : 1]!)}</p></article></body></html>`;
  return htmlPage(
    `declared-language-${a.language}-${i}`,
    url,
    html,
    asWritten(a, site, published, 'summary', a.language),
  );
}

/** A short brand before a word in every title ("… - BBC News" on bbc.co.uk), the brand as the meta author. */
export function brandSuffix(a: Article, i: number, published: string): CorpusPage {
  const site = ['ABC News', 'NPR Radio'][i % 2]!;
  const host = ['abc.net.au', 'npr.org'][i % 2]!;
  const url = `https://www.${host}/news/${slug(a.title)}/${100 + i}`;
  const html = `<!doctype html><html lang="en-AU"><head><meta charset="utf-8"><title>${esc(a.title)} - ${esc(site)}</title>
<meta property="og:title" content="${esc(a.title)} - ${esc(site)}"><meta name="description" content="${esc(a.summary)}">
<meta name="author" content="${esc(site)}"><meta property="article:published_time" content="${published}">
</head><body><main><h1>${esc(a.title)}</h1><div class="byline"><span>By </span><a href="/news/${slug(a.author)}" class="author-link">${esc(a.author)}</a></div>
${paragraphs(a)}</main></body></html>`;
  return htmlPage(`brand-suffix-${i}`, url, html, asWritten(a, site, published, 'summary', 'en'));
}
