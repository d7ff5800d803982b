export { benchData, testQuery } from './data';
export { BENCH_SUBGRAPHS, startBenchSubgraphs, type RunningSubgraphs } from './subgraphs';
export { benchSupergraph } from './supergraph';
export { startStockGateway } from './stock-gateway';
