/**
 * The corpus's articles: what each page is about and what a careful reader would write down for it. The
 * texts are original; the page shapes around them (shapes.ts) are those real sites serve.
 */
export interface Article {
  title: string;
  /** The page's own summary, when it has one (shapes without one expect the first paragraph). */
  summary: string;
  paragraphs: string[];
  author: string;
  language: 'en' | 'es' | 'de' | 'fr' | 'ko' | 'pt' | 'it';
}

export const ENGLISH: Article[] = [
  {
    title: 'City council approves the "Green Loop" bike network after a five-hour debate',
    summary:
      'The 42-kilometre network will link every district by 2029, but shop owners fear losing parking.',
    author: 'Dana Whitfield',
    language: 'en',
    paragraphs: [
      'After a five-hour session that ran past midnight, the council voted nine to four on Tuesday to build a protected cycling network that connects all eleven districts of the city.',
      'Supporters said the plan would cut commuting times and make streets safer for children, while several shop owners on Harbour Street warned that removing parking would drive customers to the suburbs.',
      'Construction of the first segment, along the river embankment, is expected to begin in the spring, and the transport department promised monthly progress reports.',
    ],
  },
  {
    title: 'Why the night sky is getting brighter, and what astronomers can do about it',
    summary: 'Satellite constellations and LED street lights have changed what we see after dark.',
    author: 'Priya Raman',
    language: 'en',
    paragraphs: [
      'Twenty years ago, a clear night far from the city showed thousands of stars; today the same hillside reveals noticeably fewer, and the change is measurable from one year to the next.',
      'Researchers who compared citizen observations from around the world found that the sky background has been brightening by almost ten percent a year, far faster than satellite images suggested.',
      'Part of the explanation is the switch to white LED lighting, whose blue light scatters more in the atmosphere, and part is the growing number of satellites reflecting sunlight.',
    ],
  },
  {
    title: 'The quiet comeback of the paper map',
    summary: 'Hikers, sailors and rally drivers explain why they still carry one.',
    author: 'Tom Okafor',
    language: 'en',
    paragraphs: [
      'Every summer the mountain rescue team at the pass answers calls from walkers whose phones have died halfway up the ridge, and every summer the volunteers hand out the same advice.',
      'A folded paper map weighs less than a chocolate bar, never needs charging and shows the whole valley at once, which is exactly what a small screen cannot do when the weather turns.',
      'Map shops report that sales have risen for three years in a row, driven by younger customers who discovered navigation with a compass on social media.',
    ],
  },
  {
    title: 'Inside the warehouse that repairs 4,000 broken laptops a month',
    summary: 'A refurbishing business in the docklands keeps old machines out of landfill.',
    author: 'Hannah Kessler',
    language: 'en',
    paragraphs: [
      'The building smells faintly of solder and cardboard, and on a typical morning forty technicians sit at long benches replacing hinges, batteries and keyboards on laptops that companies have written off.',
      'Most of the machines are only four or five years old, the founder explains, and with a new battery and a clean installation they will work for another five years in schools and charities.',
      'The company now employs ninety people, a third of whom joined through a training programme for school leavers who had never held a screwdriver.',
    ],
  },
  {
    title: "Don't panic: a beginner's guide to sourdough starters",
    summary: 'Flour, water and patience are all you need, plus a few tricks for cold kitchens.',
    author: 'Maya Lindqvist',
    language: 'en',
    paragraphs: [
      'A sourdough starter is simply a paste of flour and water in which wild yeasts and bacteria have made themselves at home, and keeping one alive is easier than its reputation suggests.',
      'Feed it once a day at room temperature, or once a week if you keep it in the fridge, and discard part of it before each feeding so that the jar does not overflow.',
      'If the kitchen is cold and the starter is slow, put the jar in the oven with only the light switched on, which keeps it a few degrees warmer than the room.',
    ],
  },
  {
    title: 'Regional airline cancels winter flights to three island airports',
    summary: 'Islanders say the decision leaves them with a six-hour ferry as the only link to the mainland.',
    author: 'Callum Reid',
    language: 'en',
    paragraphs: [
      'The airline announced on Friday that it would suspend its routes to the three smallest island airports from November to March, citing a shortage of pilots and rising fuel costs.',
      'Local councillors said the decision was taken without consultation and would hit hospital patients and students hardest, because the ferry crossing takes six hours in good weather.',
      'The regional government said it was in talks with two other operators and hoped to announce a replacement service before the end of the month.',
    ],
  },
  {
    title: 'Scientists map the songs of humpback whales across an entire ocean',
    summary: 'Recordings from 30 hydrophones show how a new song spreads from one population to another.',
    author: 'Elena Marsh',
    language: 'en',
    paragraphs: [
      'Humpback whale songs change every year, and a new study shows that the changes travel eastward across the Pacific like a fashion, reaching distant populations within two seasons.',
      'The team placed thirty underwater microphones along the migration routes and used machine learning to separate individual singers in more than ten thousand hours of recordings.',
      'The researchers say the results suggest that male whales learn new phrases from each other at shared feeding grounds, rather than inventing them independently.',
    ],
  },
  {
    title: 'The town that turned its closed coal mine into a lake resort',
    summary:
      'Twenty years after the last shift, the pit is a swimming lake with a campsite and a sailing school.',
    author: 'Jonas Weber',
    language: 'en',
    paragraphs: [
      'When the last shift came up from the mine in 2004, a third of the town lost their jobs, and for years the flooded pit behind the church was fenced off as a danger zone.',
      'Today the lake is ringed by a cycle path, a campsite with two hundred pitches and a sailing school that teaches children from the whole county every summer.',
      'The mayor admits that tourism has not replaced all the mining jobs, but says young families are moving back for the first time in a generation.',
    ],
  },
  {
    title: 'How a library lends out tools, telescopes and sewing machines',
    summary: 'The "library of things" now has more members than the book lending service next door.',
    author: 'Grace Adeyemi',
    language: 'en',
    paragraphs: [
      'Behind the reading room of the central library there is a storeroom full of drills, ladders, camping stoves, a pasta maker and three telescopes, all of which can be borrowed with an ordinary library card.',
      'The librarians say the most popular item is the carpet cleaner, which is booked out for months, followed by the sewing machines and a thermal camera that shows where a house loses heat.',
      'The scheme began with donations from residents and now lends more than six hundred items, each with a laminated card explaining how to use it safely.',
    ],
  },
  {
    title: 'Chess club for retirees becomes an unlikely internet hit',
    summary: 'Videos of the Thursday blitz tournament have been watched millions of times.',
    author: 'Luis Carvalho',
    language: 'en',
    paragraphs: [
      'Every Thursday afternoon a dozen retirees gather in the back room of a community centre for a blitz tournament, and for the last year a volunteer has filmed the games with a single phone.',
      'The videos, with their trash talk, slammed clocks and occasional blunders, have found an audience of millions, and several of the players now receive fan mail from other continents.',
      'The club has used the money from the channel to buy new boards and to fund free lessons for children from the nearby primary school.',
    ],
  },
  {
    title: 'Farmers test robots that weed fields with lasers',
    summary: 'The machines could replace herbicides on vegetable farms, but they cost as much as a tractor.',
    author: 'Sophie Brandt',
    language: 'en',
    paragraphs: [
      'On a carrot farm near the coast, a machine the size of a small car crawls along the rows at walking pace, using cameras to find weeds and short laser pulses to destroy them.',
      'The farmer says the robot has allowed him to stop spraying herbicide on two fields, although it works slowly and needs to be watched when the ground is wet.',
      'Manufacturers hope that prices will fall as production grows, and several agricultural colleges have started courses on maintaining the machines.',
    ],
  },
  {
    title: 'A week without a smartphone: what I learned',
    summary: 'Paper tickets, a wristwatch and a lot of asking for directions.',
    author: 'Noah Feldman',
    language: 'en',
    paragraphs: [
      'I locked my phone in a drawer on Sunday evening and did not take it out again until the following Sunday, which turned out to be harder on the first day than on the sixth.',
      'The practical problems were smaller than I feared: I printed train tickets, bought a cheap wristwatch and wrote the addresses of my appointments on a card in my pocket.',
      'What I missed most was not social media but the ability to look things up in the middle of a conversation, and by Friday I had come to enjoy not knowing.',
    ],
  },
];

export const KOREAN: Article[] = [
  {
    title: '서울 지하철 심야 운행 연장, 다음 달부터 시범 실시',
    summary: '금요일과 토요일 밤 새벽 1시까지 운행하며 이용객 반응을 보고 확대 여부를 결정한다.',
    author: '김민준 기자',
    language: 'ko',
    paragraphs: [
      '서울시는 다음 달부터 금요일과 토요일 밤 지하철 운행 시간을 새벽 1시까지 연장하는 시범 사업을 실시한다고 밝혔다. 심야 택시 승차난을 줄이기 위한 조치다.',
      '시는 석 달 동안 이용객 수와 안전 문제를 살펴본 뒤 연장 운행을 정식으로 도입할지 결정할 계획이다. 노조는 인력 충원이 먼저라는 입장을 밝혔다.',
      '시민들은 대체로 환영하는 분위기지만, 일부에서는 주말 심야 소음과 역 주변 혼잡을 걱정하는 목소리도 나왔다.',
    ],
  },
  {
    title: '제주 감귤 수확 시작… 올해는 당도 높아 가격 안정 전망',
    summary: '여름철 일조량이 많아 당도가 예년보다 높고 생산량은 비슷할 것으로 보인다.',
    author: '이서연 기자',
    language: 'ko',
    paragraphs: [
      '제주 지역에서 노지 감귤 수확이 본격적으로 시작됐다. 올여름 일조량이 많았던 덕분에 당도가 예년보다 높게 측정되고 있다.',
      '농업기술원은 올해 생산량이 지난해와 비슷한 수준일 것으로 내다봤다. 농가들은 가격이 안정적으로 유지되기를 기대하고 있다.',
      '한편 일부 농가에서는 인력 부족으로 수확 작업이 늦어지고 있어 지자체가 자원봉사자를 모집하고 있다.',
    ],
  },
  {
    title: '동네 책방이 살아남는 법: 작은 서점 주인들의 이야기',
    summary: '독서 모임과 북토크로 손님을 모으는 작은 서점들이 늘고 있다.',
    author: '박지훈',
    language: 'ko',
    paragraphs: [
      '온라인 서점과 대형 서점 사이에서 동네 책방이 살아남기란 쉽지 않다. 그런데도 최근 몇 년 사이 골목마다 개성 있는 작은 서점이 문을 열고 있다.',
      '서점 주인들은 책을 파는 것만으로는 운영이 어렵다고 입을 모은다. 그래서 독서 모임과 작가와의 만남, 글쓰기 수업을 열어 단골손님을 만든다.',
      '한 책방 주인은 손님이 책을 사는 이유는 결국 사람과의 대화 때문이라며, 추천 한 줄이 가장 큰 경쟁력이라고 말했다.',
    ],
  },
  {
    title: '겨울철 난방비 아끼는 생활 습관 다섯 가지',
    summary: '실내 온도를 1도만 낮춰도 난방비를 크게 줄일 수 있다.',
    author: '최유진',
    language: 'ko',
    paragraphs: [
      '난방비 부담이 커지는 겨울철에는 작은 생활 습관만 바꿔도 비용을 상당히 줄일 수 있다. 전문가들은 실내 온도를 1도 낮추는 것부터 시작하라고 조언한다.',
      '창문에 단열 필름을 붙이고 문틈을 막으면 빠져나가는 열을 줄일 수 있다. 두꺼운 커튼을 치는 것도 효과가 있다.',
      '보일러는 외출할 때 완전히 끄기보다 외출 모드로 두는 편이 낫다. 다시 데우는 데 더 많은 에너지가 들기 때문이다.',
    ],
  },
  {
    title: '부산 해안 산책로, 야간 조명 설치로 새 명소 떠올라',
    summary: '해안을 따라 이어진 4킬로미터 산책로에 조명이 설치되면서 밤 방문객이 크게 늘었다.',
    author: '정하늘 기자',
    language: 'ko',
    paragraphs: [
      '부산의 한 해안 산책로에 야간 조명이 설치된 뒤 저녁 시간 방문객이 크게 늘고 있다. 주말이면 사진을 찍으려는 사람들로 붐빈다.',
      '구청은 바다 생태계에 미치는 영향을 줄이기 위해 빛이 바다 쪽으로 향하지 않도록 조명을 설계했다고 설명했다.',
      '주변 상인들은 매출이 늘었다며 반기고 있지만, 인근 주민들은 늦은 시간까지 이어지는 소음에 대한 대책을 요구했다.',
    ],
  },
  {
    title: '혼자 떠나는 강릉 여행, 하루 코스 추천',
    summary: '커피 거리에서 시작해 바닷가 솔숲까지, 걸어서 돌아보는 하루 일정.',
    author: '윤소희',
    language: 'ko',
    paragraphs: [
      '강릉은 혼자 여행하기 좋은 도시다. 기차역에서 시내버스로 쉽게 이동할 수 있고, 바다와 시장과 카페가 가까이 모여 있다.',
      '아침에는 중앙시장에서 감자전과 어묵으로 배를 채우고, 오후에는 커피 거리에서 바다를 보며 쉬어 가는 일정을 추천한다.',
      '해 질 무렵에는 솔숲 산책로를 따라 걸어 보자. 바람이 불어도 소나무가 막아 주어 생각보다 춥지 않다.',
    ],
  },
];

export const OTHER_LANGUAGES: Article[] = [
  {
    title: 'La ciudad que recupera sus patios para combatir el calor',
    summary: 'Vecinos y arquitectos transforman patios de hormigón en jardines que bajan la temperatura.',
    author: 'Lucía Fernández',
    language: 'es',
    paragraphs: [
      'En los barrios del centro, donde las temperaturas superan los cuarenta grados cada verano, los vecinos han empezado a levantar el hormigón de sus patios para plantar árboles y enredaderas.',
      'Según los arquitectos que asesoran el proyecto, un patio con sombra y tierra puede estar hasta seis grados más fresco que uno pavimentado, y el efecto se nota también dentro de las casas.',
      'El ayuntamiento ofrece ayudas para cubrir parte de los costes, y ya hay más de doscientas solicitudes para el próximo año.',
    ],
  },
  {
    title: 'Cómo aprender a nadar de adulto sin miedo',
    summary: 'Los instructores explican por qué nunca es tarde y cuáles son los primeros pasos.',
    author: 'Andrés Molina',
    language: 'es',
    paragraphs: [
      'Muchos adultos que nunca aprendieron a nadar sienten vergüenza de pedir clases, pero los instructores aseguran que cada año llegan más alumnos de cuarenta, cincuenta y hasta setenta años.',
      'El primer paso no es aprender a mover los brazos, sino perder el miedo a meter la cabeza en el agua y a flotar, algo que se consigue en pocas sesiones con paciencia.',
      'Las piscinas municipales organizan grupos reducidos para adultos, con horarios por la tarde y por la noche para quienes trabajan.',
    ],
  },
  {
    title: 'Warum immer mehr Dörfer ihren eigenen Laden gründen',
    summary: 'Genossenschaften retten die Nahversorgung auf dem Land.',
    author: 'Katrin Vogel',
    language: 'de',
    paragraphs: [
      'Als der letzte Supermarkt im Dorf schloss, mussten die älteren Bewohner für jeden Liter Milch zwölf Kilometer in die nächste Stadt fahren, und viele waren auf die Hilfe ihrer Nachbarn angewiesen.',
      'Heute betreiben fünfzig Mitglieder einer Genossenschaft einen kleinen Laden im ehemaligen Feuerwehrhaus, der Brot, Gemüse aus der Region und die wichtigsten Dinge des täglichen Bedarfs anbietet.',
      'Der Laden ist auch ein Treffpunkt geworden: Am Samstagvormittag gibt es Kaffee, und im Hinterzimmer trifft sich einmal im Monat der Strickkreis.',
    ],
  },
  {
    title: 'Le retour des trains de nuit en Europe',
    summary: 'Plusieurs lignes rouvrent, portées par des voyageurs qui veulent éviter l’avion.',
    author: 'Claire Dubois',
    language: 'fr',
    paragraphs: [
      'Après des années de fermetures, les trains de nuit reviennent sur plusieurs grandes lignes européennes, et les places se vendent souvent plusieurs semaines à l’avance.',
      'Les voyageurs interrogés expliquent qu’ils préfèrent arriver reposés au centre-ville plutôt que de passer des heures dans les aéroports, même si le billet coûte parfois plus cher.',
      'Les compagnies ferroviaires reconnaissent cependant que le matériel roulant manque et que de nouvelles voitures-lits ne seront pas livrées avant plusieurs années.',
    ],
  },
  {
    title: 'O mercado de bairro que voltou a encher aos sábados',
    summary: 'Produtores locais e música ao vivo trouxeram de volta os moradores.',
    author: 'Mariana Costa',
    language: 'pt',
    paragraphs: [
      'Durante anos, o velho mercado do bairro esteve quase vazio, com metade das bancas fechadas e poucos clientes a passar pelos corredores ao fim da manhã.',
      'Desde que a junta de freguesia decidiu abrir o espaço aos pequenos produtores da região aos sábados, com música ao vivo e uma zona para crianças, o movimento voltou.',
      'Os vendedores mais antigos dizem que não viam tanta gente desde a década de noventa e que os jovens começaram finalmente a fazer compras ali.',
    ],
  },
  {
    title: 'La bottega che ripara biciclette e insegna ai ragazzi',
    summary: 'Un laboratorio di quartiere offre corsi gratuiti di meccanica.',
    author: 'Giulia Romano',
    language: 'it',
    paragraphs: [
      'In una piccola bottega vicino alla stazione, ogni pomeriggio una decina di ragazzi impara a cambiare una camera d’aria, a regolare i freni e a raddrizzare una ruota.',
      'Il fondatore, un meccanico in pensione, racconta che molti di loro non avevano mai avuto una bicicletta propria e che ora la usano per andare a scuola ogni giorno.',
      'Le biciclette riparate vengono donate alle famiglie del quartiere, e il laboratorio cerca volontari e pezzi di ricambio per continuare il progetto.',
    ],
  },
];
