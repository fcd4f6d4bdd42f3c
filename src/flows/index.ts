export { loadFlows, SHOP_FILE, type FlowSource, type LoadResult } from './load';
export { formatProblem, type FlowProblem } from './problems';
export * from './schema';
