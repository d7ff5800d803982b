/** Stock @apollo/gateway as its own process: `node main-stock.js <supergraph path> <port>`. */
import { readFileSync } from 'node:fs';
import { startStockGateway } from './stock-gateway';

startStockGateway(readFileSync(process.argv[2]!, 'utf8'), Number(process.argv[3] ?? process.env.PORT ?? 0))
  .then((running) => console.log(`ready ${running.url}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
