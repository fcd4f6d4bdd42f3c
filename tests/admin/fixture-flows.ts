import type { Flow, JourneyStage, ShopFile, ShopFlows } from '../../src/flows/schema';
import { phaseOfStage } from '../../src/flows/schema';

/**
 * The sample shop as the dashboard sees it: its name, time zone, status texts and each
 * flow's steps (mirroring flows/*.yaml). Kept here so the dashboard's tests do not break
 * while someone edits the real flow files.
 */
const FLOWS: [id: string, title: string, stage: JourneyStage, steps: string[]][] = [
  ['greeting', 'Chào hỏi', 'discover', ['hello']],
  ['advice', 'Tư vấn sản phẩm', 'consider', ['pick', 'info', 'pick_again']],
  ['order', 'Đặt hàng', 'buy', ['product', 'quantity', 'add', 'more', 'name', 'phone', 'address', 'payment_method', 'quote', 'confirm', 'create', 'done']],
  ['payment', 'Thanh toán', 'buy', ['methods', 'paid', 'mark']],
  ['shipping', 'Giao hàng', 'consider', ['province', 'fee', 'order_status']],
  ['returns', 'Đổi trả và bồi thường', 'return', ['policy', 'order_code', 'problem', 'photo', 'resolution', 'open']],
  ['human', 'Gặp người thật', 'consider', ['handover']],
];

const SHOP = {
  shop: { name: 'Vườn Nhà Tư', timezone: 'Asia/Ho_Chi_Minh', opening_hours: [{ days: ['mon'], open: '07:00', close: '21:00' }] },
  texts: {
    order_status: {
      new: 'shop đã nhận đơn, sắp gọi xác nhận',
      confirmed: 'đơn đã xác nhận, shop đang chuẩn bị hàng',
      awaiting_confirmation: 'shop đang kiểm tra tiền chuyển khoản',
      paid: 'đã nhận tiền, shop đang chuẩn bị hàng',
      shipped: 'đã giao cho đơn vị vận chuyển',
      delivered: 'đã giao tới nơi',
      cancelled: 'đã hủy',
      refunded: 'shop đã hoàn tiền cho anh/chị',
      returned: 'shop đã nhận lại hàng',
    },
    order_status_changed: 'Dạ đơn {{code}}: {{status}}',
  },
} as unknown as ShopFile;

export function fixtureFlows(): ShopFlows {
  const flows = new Map<string, Flow>(
    FLOWS.map(([id, title, stage, steps]) => [
      id,
      { id, title, stage, phase: phaseOfStage(stage), triggers: [], satisfaction: true, start: steps[0]!, steps: Object.fromEntries(steps.map((step) => [step, { say: step }])) },
    ]),
  );
  return { shop: SHOP, flows, version: 'fixture' };
}
