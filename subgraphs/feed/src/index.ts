import { main } from '@link-archive/federation';
import { feedSubgraph } from './app';
import { loadEnvironment } from './environment';

main(feedSubgraph, loadEnvironment);
