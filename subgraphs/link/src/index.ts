import { main } from '@link-archive/federation';
import { linkSubgraph } from './app';
import { loadEnvironment } from './environment';

main(linkSubgraph, loadEnvironment);
