import { createEngine, type Engine } from '../../../src/engine/engine';
import { readCorpus } from '../../../src/nlu-corpus.node.ts';
import { trainUnderstanding } from '../../../src/engine/nlu/model';
import { shopNames } from '../../../src/engine/nlu/names';
import type { TaughtExample } from '../../../src/flows/taught';
import type { ShopFlows } from '../../../src/flows/index';
import { sampleFlows } from '../../support/sample-flows';

/** The sample shop's engine as the Node server builds it: trained on the shipped corpus, the flows and what the owner taught. */
export async function trainedEngine(taught: readonly TaughtExample[] = [], flows?: ShopFlows): Promise<Engine> {
  const shop = flows ?? (await sampleFlows());
  return createEngine(shop, trainUnderstanding(shop, shopNames(shop), await readCorpus(), taught));
}
