import { describe, expect, it } from 'vitest';
import { answerLeadingTo } from '../../src/engine/step-paths';
import type { Flow } from '../../src/flows/schema';
import { sampleFlows } from '../support/sample-flows';

const order = async (): Promise<Flow> => (await sampleFlows()).flows.get('order')!;
const places = (flow: Flow) => (id: string) => flow.steps[id]!.action === 'create_order';
const asksPhone = (flow: Flow) => (id: string) => flow.steps[id]!.ask === 'phone';

describe('the yes/no answer that leads on to a step', () => {
  it('"mua thêm không?": "no" reaches the recipient and the order sooner; "yes" goes round another product first', async () => {
    const flow = await order();
    expect(answerLeadingTo(flow, 'more', {}, asksPhone(flow))).toBe(false);
    expect(answerLeadingTo(flow, 'more', {}, places(flow))).toBe(false);
  });

  it('"xác nhận đặt đơn?": "yes" places the order', async () => {
    const flow = await order();
    expect(answerLeadingTo(flow, 'confirm', {}, places(flow))).toBe(true);
  });

  it('no answer when neither way reaches such a step, or both alike', async () => {
    const flow = await order();
    expect(answerLeadingTo(flow, 'confirm', {}, asksPhone(flow))).toBeNull();
    expect(answerLeadingTo(flow, 'more', {}, () => false)).toBeNull();
    expect(answerLeadingTo(flow, 'no_such_step', {}, places(flow))).toBeNull();
  });
});
