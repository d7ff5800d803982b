import { main } from '@link-archive/federation';
import { reviewSubgraph } from './app';
import { loadEnvironment } from './environment';

main(reviewSubgraph, loadEnvironment);
