/** The crawl benchmark's pages: ~77 KB news articles, deterministic per page number. */
const WORDS = (
  'the city council voted on a new plan for public transport after months of debate about bus lanes ' +
  'cycling routes and the cost of maintaining old bridges residents said the changes would help commuters ' +
  'while shop owners worried about parking and deliveries engineers presented studies of traffic flow ' +
  'noise and air quality across several districts the mayor promised regular reports and open meetings ' +
  'critics asked how the budget would cover repairs schools hospitals and parks during the next decade'
).split(' ');

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function sentence(next: () => number): string {
  const length = 12 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
}

/**
 * A news article as sites really serve it: most of the bytes are markup around the text (a mega-menu,
 * wrappers with classes, figures, share and comment widgets, inline configuration scripts), which is what
 * makes extraction cost what it does (~40 ms per page and core for metascraper plus Readability).
 */
export function articlePage(n: number, targetBytes = 77 * 1024): string {
  const next = random(n + 1);
  const title = `Transport plan, part ${n}: what the council decided`;
  const menu = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="menu__item menu__item--top"><a class="menu__link" href="/section/${i}">Section ${i}</a><ul class="menu__sub">${Array.from(
        { length: 8 },
        (_, j) =>
          `<li class="menu__item"><a class="menu__link" href="/section/${i}/${j}">Topic ${i}.${j}</a></li>`,
      ).join('')}</ul></li>`,
  ).join('');
  const related = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="card card--related"><a class="card__link" href="/p/${(n + i) % 997}"><div class="card__media"><img class="card__img" src="/img/${i}.jpg" alt="" loading="lazy" width="320" height="180"></div><div class="card__body"><span class="card__kicker">Related</span><h3 class="card__title">${sentence(next)}</h3></div></a></div>`,
  ).join('');
  const config = JSON.stringify({
    page: {
      id: n,
      section: 'city',
      tags: WORDS.slice(0, 30),
      ads: Array.from({ length: 20 }, (_, i) => ({
        slot: `ad-${i}`,
        sizes: [
          [300, 250],
          [728, 90],
        ],
      })),
    },
  });
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Daily</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${sentence(next)}">
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Bench Daily">
<meta property="og:type" content="article"><meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="/favicon.ico"><link rel="canonical" href="https://bench.example/p/${n}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","author":{"@type":"Person","name":"Bench Reporter"},"datePublished":"2026-03-0${(n % 9) + 1}T08:00:00Z","publisher":{"@type":"Organization","name":"Bench Daily"}}</script>
<script>window.__CONFIG__=${config};</script>
<style>.menu__item{display:inline-block}.card{display:flex}.article__body p{margin:0 0 1em}</style></head>
<body class="page page--article"><div id="app"><header class="site-header"><div class="site-header__inner"><a class="logo" href="/">Bench Daily</a>
<nav class="menu" aria-label="Sections"><ul class="menu__list">${menu}</ul></nav></div></header>
<main class="layout"><div class="layout__main"><article class="article"><header class="article__header"><div class="article__kicker"><a href="/section/city">City</a></div>
<h1 class="article__title">${title}</h1><div class="byline"><span class="byline__author">Bench Reporter</span> <time datetime="2026-03-01T08:00:00Z">1 March 2026</time></div>
<div class="share"><button class="share__button" data-network="x">Share</button><button class="share__button" data-network="mail">Mail</button></div></header>
<div class="article__body">`;
  const tail = `</div></article><section class="comments" data-count="42"><h2>Comments</h2>${Array.from(
    { length: 6 },
    (_, i) =>
      `<div class="comment"><div class="comment__meta"><span class="comment__author">Reader ${i}</span></div><p class="comment__text">${sentence(next)}</p></div>`,
  ).join('')}</section></div>
<aside class="layout__aside"><div class="rail"><h2 class="rail__title">More from City</h2>${related}</div></aside></main>
<footer class="site-footer"><ul class="site-footer__links">${Array.from({ length: 40 }, (_, i) => `<li><a href="/about/${i}">About ${i}</a></li>`).join('')}</ul><p>© Bench Daily</p></footer></div></body></html>`;
  const blocks: string[] = [];
  let size = head.length + tail.length;
  let i = 0;
  while (size < targetBytes) {
    const block =
      i % 6 === 5
        ? `<figure class="figure figure--inline"><div class="figure__media"><img class="figure__img" src="/img/body-${i}.jpg" alt="${sentence(next)}" width="800" height="450"></div><figcaption class="figure__caption">${sentence(next)}</figcaption></figure>\n`
        : `<div class="article__block"><p class="article__paragraph">${Array.from({ length: 3 }, () => sentence(next)).join(' ')} <a class="inline-link" href="/p/${i}">${WORDS[i % WORDS.length]}</a></p></div>\n`;
    blocks.push(block);
    size += block.length;
    i++;
  }
  return head + blocks.join('') + tail;
}
