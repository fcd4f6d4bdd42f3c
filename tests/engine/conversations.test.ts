import { describe, expect, it } from 'vitest';
import { EngineChat } from '../support/sample-flows';

describe('whole conversations through the engine', () => {
  it('a customer orders mangoes from hello to the satisfaction answer', async () => {
    const chat = await EngineChat.start();
    chat.say('chào shop');
    expect(chat.text()).toContain('Vườn Nhà Tư xin chào');
    expect(chat.buttons().map((button) => button.label)).toContain('🛒 Đặt hàng');

    chat.tap('Đặt hàng');
    expect(chat.text()).toContain('muốn đặt sản phẩm nào');
    chat.say('xoai cat');
    expect(chat.text()).toContain('bao nhiêu kg Xoài cát Hòa Lộc');
    chat.say('4 ký');
    expect(chat.text()).toContain('Xoài cát Hòa Lộc: 4 kg × 85.000đ = 340.000đ');
    expect(chat.text()).toContain('mua thêm sản phẩm khác');
    chat.tap('Không');
    expect(chat.text()).toContain('tên người nhận');
    chat.say('Nguyễn Văn An');
    expect(chat.replies[0]).toMatchObject({ kind: 'text', askPhone: true });
    chat.say('0912 345 678');
    expect(chat.text()).toContain('Địa chỉ giao hàng');
    chat.say('12 Lê Lợi, phường Bến Thành, TP HCM');
    // The province came with the address, so the bot goes straight on to the promotion code.
    expect(chat.text()).toContain('mã giảm giá');
    chat.say('xoai10');
    expect(chat.text()).toContain('thanh toán cách nào');
    chat.tap('COD');
    chat.say('không');
    const summary = chat.text();
    expect(summary).toContain('Tiền hàng: 340.000đ');
    expect(summary).toContain('Khuyến mãi XOAI10: -34.000đ');
    expect(summary).toContain('Phí ship: 25.000đ');
    expect(summary).toContain('Tổng cộng: 331.000đ');
    expect(summary).toContain('Giao tới: 12 Lê Lợi, phường Bến Thành, TP HCM (1–2 ngày)');
    chat.say('ok chốt');
    expect(chat.text()).toContain('Dạ em đã lên đơn XB101');
    expect(chat.text()).toContain('Tổng 331.000đ');
    expect(chat.text()).toContain('chấm giúp shop');
    const order = chat.effects().find((effect) => effect.type === 'create_order');
    expect(order).toMatchObject({
      type: 'create_order',
      order: { code: 'XB101', phone: '0912345678', province: 'TP Hồ Chí Minh', paymentMethod: 'cod', promoCode: 'XOAI10', quote: { total: 331000 } },
    });

    chat.tap('Rất hài lòng');
    expect(chat.text()).toContain('Cảm ơn anh/chị đã ủng hộ Vườn Nhà Tư');
    expect(chat.state.ended).toBe('completed');
    expect(chat.state.satisfaction).toEqual({ asked: true, score: 5, comment: null });
    expect(chat.events('slot_filled').map((event) => ('slot' in event ? event.slot : ''))).toEqual([
      'product',
      'quantity',
      'more_items',
      'name',
      'phone',
      'address',
      // Read from the address: filled, not asked.
      'province',
      'promo_code',
      'payment_method',
      'note',
      'confirmed',
    ]);
    expect(chat.state.stage).toBe('buy');
    expect(chat.state.entryFlow).toBe('greeting');
  });

  it('a customer with damaged mangoes opens a return request with a photo and leaves a low score with a comment', async () => {
    const chat = await EngineChat.start();
    chat.say('xoai bi dap het roi, doi dc ko shop');
    expect(chat.text()).toContain('Chính sách của shop');
    expect(chat.text()).toContain('mã đơn hàng');
    chat.say('xb101');
    // "bị dập" in the first message already said what the problem is: it is not asked.
    expect(chat.text()).not.toContain('Hàng gặp vấn đề gì');
    expect(chat.text()).toContain('chụp giúp em ảnh');
    chat.send({ kind: 'photo', ref: 'AgACAgUAAxkBAAIB', caption: 'thùng xoài' });
    expect(chat.text()).toContain('xử lý thế nào');
    chat.tap('Hoàn tiền');
    expect(chat.text()).toContain('Dạ em đã ghi nhận yêu cầu cho đơn XB101');
    expect(chat.effects()).toContainEqual({
      type: 'open_return',
      request: { orderCode: 'XB101', problem: 'damaged', photos: ['AgACAgUAAxkBAAIB'], resolution: 'refund' },
    });
    chat.say('te qua');
    expect(chat.text()).toContain('góp ý giúp shop');
    chat.say('xoài dập gần nửa thùng, giao lại giúp em');
    expect(chat.state.satisfaction).toEqual({ asked: true, score: 1, comment: 'xoài dập gần nửa thùng, giao lại giúp em' });
    expect(chat.state.ended).toBe('completed');
    expect(chat.state.stage).toBe('return');
    expect(chat.state.phase).toBe('after');
  });

  it('a customer who asks about shipping in the middle of an order gets the answer and continues where it stopped', async () => {
    const chat = await EngineChat.start();
    chat.say('mua xoài cát');
    expect(chat.text()).toContain('bao nhiêu kg Xoài cát Hòa Lộc');
    chat.say('ship ra hn mat may ngay');
    expect(chat.text()).toContain('giao về Hà Nội: phí ship 45.000đ, nhận hàng sau 3–5 ngày');
    expect(chat.events('flow_suspended')).toEqual([{ type: 'flow_suspended', flow: 'order', step: 'quantity', for: 'shipping' }]);
    // The answer is given and the open question asked again in the same reply.
    expect(chat.text()).toContain('bao nhiêu kg Xoài cát Hòa Lộc');
    chat.say('2kg');
    expect(chat.text()).toContain('Xoài cát Hòa Lộc: 2 kg × 85.000đ = 170.000đ');
    // The province asked about along the way is kept for the order.
    expect(chat.state.slots.province).toBe('Hà Nội');
  });

  it('an unfinished order is offered again after a side question whose flow ends', async () => {
    const chat = await EngineChat.start();
    chat.say('đặt hàng');
    chat.say('gạo st25');
    chat.say('10 ký');
    chat.tap('Không');
    expect(chat.text()).toContain('tên người nhận');
    chat.say('đơn hàng của tôi đến đâu rồi');
    expect(chat.text()).toContain('mã đơn');
    chat.say('không');
    expect(chat.text()).toContain('chưa tìm thấy đơn nào');
    expect(chat.text()).toContain('quay lại đặt hàng');
    chat.tap('Tiếp tục');
    expect(chat.text()).toContain('tên người nhận');
    expect(chat.state.cart).toEqual([{ productId: 'gao_st25', quantity: 10 }]);
  });

  it('a customer who never answers the satisfaction question is closed as completed without a score', async () => {
    const chat = await EngineChat.start();
    chat.say('chính sách đổi trả thế nào');
    chat.say('XB777');
    chat.tap('Giao trễ');
    chat.say('bỏ qua');
    chat.tap('Giảm giá đơn sau');
    expect(chat.text()).toContain('chấm giúp shop');
    const closed = chat.engine.closeIdle(chat.state, { now: chat.now, orderCode: 'XX000', customer: { name: null, orders: [] } });
    expect(closed.state.ended).toBe('completed');
    expect(closed.state.satisfaction).toEqual({ asked: true, score: null, comment: null });
    expect(closed.events).toEqual([{ type: 'conversation_ended', outcome: 'completed' }]);
  });

  it('a new question instead of a score is answered, and the score is recorded as unanswered', async () => {
    const chat = await EngineChat.start();
    chat.say('phí ship về cần thơ');
    expect(chat.text()).toContain('giao về Cần Thơ: phí ship 20.000đ');
    chat.tap('Hỏi tỉnh khác');
    chat.say('Sóc Trăng');
    expect(chat.text()).toContain('giao về Cần Thơ');
    chat.tap('Tra cứu đơn');
    chat.say('không');
    expect(chat.text()).toContain('chấm giúp shop');
    chat.say('có mã giảm giá ko sh');
    expect(chat.events('satisfaction_unanswered')).toHaveLength(1);
    expect(chat.text()).toContain('Khách mới giảm 30.000đ');
    expect(chat.state.ended).toBeNull();
  });

  it('three messages the bot does not understand in a row offer a person', async () => {
    const chat = await EngineChat.start();
    chat.say('asdfgh');
    expect(chat.text()).toContain('chưa hiểu ý');
    chat.say('qwerty uiop');
    chat.say('zzz xxx');
    expect(chat.text()).toContain('nói chuyện trực tiếp với chủ shop');
    chat.tap('Gặp người thật');
    expect(chat.state.mode).toBe('human');
    expect(chat.effects()).toContainEqual({ type: 'handover', flow: 'human' });
    // While a person handles it, the bot relays quietly; "alo" is told when the shop answers.
    expect(chat.say('cho mình hỏi thêm về đơn').replies).toEqual([]);
    chat.say('alo');
    expect(chat.text()).toContain('chủ shop');
    expect(chat.state.mode).toBe('human');
    chat.send({ kind: 'handback' });
    expect(chat.state.mode).toBe('bot');
    expect(chat.text()).toContain('chấm giúp shop');
  });

  it('a wrong phone number is refused with the reason, and a shared contact fills it', async () => {
    const chat = await EngineChat.start();
    chat.say('mua mật ong');
    chat.say('2 chai');
    chat.tap('Không');
    chat.say('Chị Lan');
    chat.say('0912 345');
    expect(chat.text()).toContain('thiếu số');
    chat.say('01687654321');
    expect(chat.text()).toContain('đã đổi sang 10 số');
    chat.send({ kind: 'contact', phone: '+84912345678' });
    expect(chat.state.slots.phone).toBe('0912345678');
    expect(chat.text()).toContain('Địa chỉ giao hàng');
  });

  it('a quantity below the minimum is refused with the minimum', async () => {
    const chat = await EngineChat.start();
    chat.say('lấy gạo st25');
    chat.say('2 ký');
    expect(chat.text()).toContain('Gạo ST25 bán tối thiểu 5 kg');
    chat.say('5kg');
    expect(chat.state.cart).toEqual([{ productId: 'gao_st25', quantity: 5 }]);
  });

  it('buttons typed as their number or their label work like taps', async () => {
    const chat = await EngineChat.start();
    chat.say('hello');
    chat.say('2');
    expect(chat.text()).toContain('muốn đặt sản phẩm nào');
    chat.say('bưởi da xanh');
    chat.say('3');
    expect(chat.state.cart).toEqual([{ productId: 'buoi_da_xanh', quantity: 3 }]);
    chat.say('co');
    expect(chat.text()).toContain('chọn thêm sản phẩm nào');
  });

  it('asks which province when the customer writes the ambiguous "ĐN"', async () => {
    const chat = await EngineChat.start();
    chat.say('phí ship');
    chat.say('ĐN');
    expect(chat.text()).toContain('Đà Nẵng / Đồng Nai');
    chat.say('Đồng Nai');
    expect(chat.text()).toContain('giao về Đồng Nai: phí ship 25.000đ');
  });

  it('a product out of season is taken as a pre-order with a note', async () => {
    const chat = await EngineChat.start(new Date('2026-11-23T03:00:00Z'));
    chat.say('giá sầu riêng');
    expect(chat.text()).toContain('Sầu riêng Ri6 — 120.000đ/kg');
    expect(chat.text()).toContain('đang trái mùa');
  });
});
