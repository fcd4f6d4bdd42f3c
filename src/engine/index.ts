export { createEngine, type Engine } from './engine';
export type { Understanding, IntentMatch } from './nlu/intent';
export * from './types';
export { formatVnd } from './format';
export { quoteOrder } from './pricing';
export { parseState, serializeState, settleState, STATE_VERSION, type SettledState, type StoredState } from './state';
