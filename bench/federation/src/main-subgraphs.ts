/** The benchmark's subgraphs as their own process (the runner pins it to the load's core). */
import { startBenchSubgraphs } from './subgraphs';

startBenchSubgraphs(Number(process.argv[2] ?? 0))
  .then((running) => console.log(`ready ${running.port}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
