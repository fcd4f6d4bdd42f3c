import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index';
import { loadFlows } from '../../src/flows/index';
import { EngineChat, sampleSources } from '../support/sample-flows';

/** An owner's own yes/no question, asked as "đã … chưa?", which customers answer "đã … rồi". */
const RECEIVED = `id: received
title: Hỏi đã nhận hàng
stage: use
satisfaction: false
triggers: [hỏi nhận hàng]
steps:
  ask:
    ask: yes_no
    save: received
    say: Anh/chị đã nhận được hàng chưa ạ?
    branch:
      - if: { slot: received, equals: true }
        goto: thanks
    next: sorry
  thanks:
    say: Dạ cảm ơn anh/chị đã nhận hàng ạ.
    end: true
  sorry:
    say: Dạ shop kiểm tra đơn ngay ạ.
    end: true
`;

async function chatWithReceivedQuestion(): Promise<EngineChat> {
  const loaded = loadFlows([...(await sampleSources()), { path: 'flows/received.yaml', text: RECEIVED }]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return new EngineChat(createEngine(loaded.flows), new Date('2026-05-12T03:00:00Z'));
}

describe('an untoned "da" answering a yes/no question', () => {
  it.each(['da nhan roi', 'da nhan dc hang r shop'])('"%s" to "đã nhận được hàng chưa?" is yes (đã + the question\'s verb)', async (answer) => {
    const chat = await chatWithReceivedQuestion();
    chat.say('hỏi nhận hàng');
    expect(chat.text()).toContain('đã nhận được hàng chưa');
    chat.say(answer);
    expect(chat.text()).toContain('cảm ơn anh/chị đã nhận hàng');
  });

  it('"da ck r nha shop" to "mua thêm không?" is not "dạ, mua thêm"', async () => {
    const chat = await EngineChat.start();
    chat.say('lay 3 ky buoi');
    expect(chat.text()).toContain('mua thêm');
    chat.say('da ck r nha shop');
    expect(chat.text()).not.toContain('chọn thêm sản phẩm nào');
  });
});
