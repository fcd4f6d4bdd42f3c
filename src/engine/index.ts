export { createEngine, type Engine } from './engine';
export type { Understanding, IntentMatch } from './nlu/intent';
export * from './types';
export { formatVnd } from './format';
export { quoteOrder } from './pricing';
