import { main } from '@link-archive/federation';
import { userSubgraph } from './app';
import { loadEnvironment } from './environment';

main(userSubgraph, loadEnvironment);
