import { main } from '@link-archive/federation';
import { mediaSubgraph } from './app';
import { loadEnvironment } from './environment';

main(mediaSubgraph, loadEnvironment);
