/** `npm run demo`: `npm start` with the bundled sample site and a demo account whose links show every outcome. */
process.env.DEMO = '1';
require('../start');
