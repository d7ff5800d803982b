export { benchData, testQuery } from './data';
export { BENCH_SUBGRAPHS, startBenchSubgraphs, type RunningSubgraphs } from './subgraphs';
export { benchSupergraph } from './supergraph';
export { startStockGateway } from './stock-gateway';
export { gatewaysSection, runGatewaysBenchmark, type GatewaysFigures } from './gateways-benchmark';
