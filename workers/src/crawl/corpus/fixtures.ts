/** Things pages describe that are not articles: encyclopedia topics, products, places. */
export const TOPICS = [
  {
    title: 'Harbour Street (Port Elling)',
    short: 'Shopping street in Port Elling, England',
    paragraphs: [
      'Harbour Street is the main shopping street of Port Elling, a market town on the north coast, running for about 800 metres from the railway station to the old fish quay.',
      'The street was laid out in the 1830s after the harbour was rebuilt, and most of its buildings date from the second half of the nineteenth century.',
    ],
    founded: '1834',
  },
  {
    title: 'Sourdough',
    short: 'Bread made by the fermentation of dough using wild yeasts',
    paragraphs: [
      "Sourdough is a type of bread made from dough leavened by naturally occurring lactobacilli and yeast rather than by baker's yeast, giving it a slightly sour taste.",
      'It is one of the oldest forms of leavened bread, and it remained the usual method in Europe until it was replaced by barm from beer brewing and later by cultured yeast.',
    ],
    founded: '1849',
  },
  {
    title: 'Light pollution',
    short: 'Excessive artificial light at night',
    paragraphs: [
      'Light pollution is the presence of unwanted, inappropriate or excessive artificial lighting, which brightens the night sky and disturbs wildlife, astronomy and human sleep.',
      'Its effects have been studied since the 1970s, when observatories near growing cities first reported that faint objects could no longer be seen.',
    ],
    founded: '1972',
  },
  {
    title: 'Library of Things',
    short: 'Lending library for objects rather than books',
    paragraphs: [
      'A library of things is a collection of objects such as tools, kitchen appliances and sports equipment that members can borrow, usually run by a public library or a community group.',
      'The first such schemes were tool libraries in North America, and the idea spread to Europe in the 2010s as part of the sharing economy.',
    ],
    founded: '1979',
  },
];

export const PRODUCTS = [
  {
    name: 'Trailhead 45L Hiking Backpack',
    description: 'A 45-litre pack with an adjustable back system, rain cover and hip-belt pockets.',
    brand: 'Northwind',
    site: 'Northwind Outfitters',
    host: 'northwind-outfitters.com',
  },
  {
    name: 'Stovetop Espresso Maker, 6 Cup',
    description: 'Aluminium moka pot that brews six cups of strong coffee on gas or electric hobs.',
    brand: 'Caffè Rosa',
    site: 'Kitchen Corner',
    host: 'kitchencorner.co.uk',
  },
  {
    name: 'Reading Lamp with Warm LED',
    description: 'Clip-on lamp with three brightness levels and a flexible neck, powered by USB.',
    brand: 'Lumo',
    site: 'Lumo Store',
    host: 'lumo.store',
  },
  {
    name: '무선 블루투스 키보드 K380',
    description: '세 대의 기기를 버튼 하나로 전환하는 소형 무선 키보드.',
    brand: '키보드랩',
    site: '한빛몰',
    host: 'hanbitmall.co.kr',
  },
];

export const PLACES = [
  {
    name: 'Stall 7 Tteokbokki',
    description: 'Family-run tteokbokki stall in Sindang-dong, open since 1972.',
    site: 'Seoul Eats Guide',
    host: 'seouleats.guide',
    language: 'en' as const,
  },
  {
    name: 'The Anchor Inn',
    description: 'Harbourside pub with a beer garden, Sunday roasts and live folk music on Fridays.',
    site: 'Coastal Pubs',
    host: 'coastalpubs.co.uk',
    language: 'en' as const,
  },
  {
    name: '을지로 골목 칼국수',
    description: '사골 육수로 끓인 칼국수와 직접 빚은 만두를 파는 오래된 식당.',
    site: '맛집지도',
    host: 'matjipmap.kr',
    language: 'ko' as const,
  },
  {
    name: '카페 솔바람',
    description: '강릉 바닷가 솔숲 옆에 있는 핸드드립 커피 전문점.',
    site: '여행수첩',
    host: 'travelnote.kr',
    language: 'ko' as const,
  },
];
