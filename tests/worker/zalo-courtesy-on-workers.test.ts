import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { bundledFlows } from '../../src/generated/flows';
import { loadFlows } from '../../src/flows/index';
import { zaloUpdate } from '../fakes/zalo-api-server';
import { converse, postZalo, zaloSentTo } from './support';

const texts = () => {
  const loaded = loadFlows(bundledFlows);
  if (!loaded.ok) throw new Error('the bundled flows do not load');
  return loaded.flows.shop.texts;
};

describe('Zalo on Workers: what the bot cannot read, and groups', () => {
  it('a voice message is answered once with the polite text asking to type, though Zalo delivers it twice', async () => {
    const voice = zaloUpdate.voice('zalo-worker-voice');
    expect(await converse(() => postZalo(voice), () => zaloSentTo('zalo-worker-voice'))).toBe(texts().please_type);
    expect((await postZalo(voice)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await zaloSentTo('zalo-worker-voice')).toHaveLength(1);
  });

  it('a mention in a group is invited to write privately and records no customer', async () => {
    const mention = zaloUpdate.text('zalo-worker-group', '@shop giá xoài', { chatType: 'GROUP', fromId: 'member-9' });
    expect(await converse(() => postZalo(mention), () => zaloSentTo('zalo-worker-group'))).toBe(texts().group_chat);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM customers WHERE id = 'zalo:member-9'").first('n')).toBe(0);
  });
});
