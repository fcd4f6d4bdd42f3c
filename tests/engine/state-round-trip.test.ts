import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, parseState, replayStory, serializeState, settleState, type ConversationState, type Engine } from '../../src/engine/index';
import type { ShopFlows } from '../../src/flows/index';
import { loadStories } from '../../src/flows/story-schema';
import { sampleFlows } from '../support/sample-flows';

let flows: ShopFlows;
beforeAll(async () => {
  flows = await sampleFlows();
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The conversation layer hands a turn the state the turn before returned, without writing and
 * reading it back, when this process wrote it (src/conversation/conversations.ts). That is the
 * same only if the engine never changes the state it is given, and if a state read back from
 * its JSON is exactly the state written. Checked on every turn of every story in flows/tests.
 */
describe('a state the engine returns', () => {
  it('is never changed by a later turn, and reads back from its JSON exactly as it was written', () => {
    const engine = createEngine(flows);
    let turns = 0;
    const checked: Engine = Object.create(engine);
    checked.turn = (state: ConversationState, inbound, context) => {
      // The conversation layer squares the state with the flows first: that must not change it either.
      settleState(deepFreeze(state), flows);
      const result = engine.turn(state, inbound, context);
      turns++;
      expect(parseState(serializeState(result.state))).toStrictEqual({ ok: true, state: result.state });
      return result;
    };
    const dir = 'flows/tests';
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml'))) {
      const path = join(dir, file);
      const { stories, problems } = loadStories({ path, text: readFileSync(path, 'utf8') }, flows);
      expect(problems).toEqual([]);
      for (const story of stories) replayStory(checked, story);
    }
    expect(turns).toBeGreaterThan(1000);
  });
});
