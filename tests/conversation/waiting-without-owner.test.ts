import { describe, expect, it } from 'vitest';
import { WebVisitor } from '../support/harness';
import { harnessPerTest } from '../support/per-test';

// No Telegram owner chat: the owner answers, if at all, from the dashboard's inbox.
const harness = harnessPerTest(() => ({ owner: null }));

async function sweep(): Promise<void> {
  const job = harness().shop.jobs.find((candidate) => candidate.name === 'waiting-customer sweep');
  if (!job) throw new Error('the composed shop has no waiting-customer sweep');
  await job.run();
}

async function pulled(visitor: WebVisitor): Promise<string[]> {
  const response = await harness().app.request(`/api/chat?visitorId=${visitor.visitorId}`);
  const json = (await response.json()) as { replies: { message: { text?: string } }[] };
  return json.replies.map((reply) => reply.message.text ?? '');
}

describe('a customer waiting for a person when the shop has no owner chat', () => {
  it('is told once, in their own chat, that the owner is busy, after HUMAN_REPLY_MINUTES without an answer', async () => {
    const visitor = new WebVisitor(harness().app);
    await visitor.say('cho minh gap nguoi that');
    expect(harness().shop.ownerDesk).toBeNull();

    harness().clock.advance(5);
    await sweep();
    expect(await pulled(visitor)).toEqual([]);

    harness().clock.advance(6);
    await sweep();
    const told = await pulled(visitor);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('chủ shop đang bận');

    harness().clock.advance(30);
    await sweep();
    expect(await pulled(visitor)).toEqual([]);
  });
});
