import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The public gateways benchmark's data and query (graphql-hive/graphql-gateways-benchmark), copied in data/. */
const dataDir = join(__dirname, '..', 'data');

export interface BenchData {
  users: { id: string; name: string; username: string; birthday: number }[];
  products: { upc: string; name: string; price: number; weight: number }[];
  inStock: Record<string, boolean>;
  reviews: { id: string; body: string; product: { upc: string } }[];
}

export const benchData: BenchData = JSON.parse(readFileSync(join(dataDir, 'data.json'), 'utf8'));
export const testQuery = readFileSync(join(dataDir, 'query.graphql'), 'utf8');
