export { loadFlows, SHOP_FILE, type FlowSource, type LoadResult } from './load';
export { formatProblem, type FlowProblem } from './problems';
export * from './schema';
export { FAQ_FILE, FaqFile, type FaqEntry } from './faq';
export { STANDARD_INTENTS, OUT_OF_SCOPE, type StandardIntent } from './intents';
