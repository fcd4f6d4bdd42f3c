import type { Hono } from 'hono';
import { z } from 'zod';
import { newId } from '../../conversation/ids';
import { scheduleQuery } from '../../store/index';
import type { AdminDeps, AdminEnv } from '../deps';
import { ChurnPage, REACH_WORDS } from '../pages/churn';
import { href } from '../pages/href';
import { JourneyPage, TouchpointPage } from '../pages/journey';
import { NpsPage } from '../pages/nps';
import { abandonmentReasons } from '../reports/abandonment';
import { stepTitle } from '../reports/flows';
import { lapsedCustomers, REMINDER_KEY_PREFIX } from '../reports/churn';
import { repeatByCohort } from '../reports/cohorts';
import { journeyReport, touchpointConversations } from '../reports/journey';
import { monthsUpTo } from '../reports/months';
import { npsAnswers, npsByMonth, npsReasons } from '../reports/nps';
import { orderHistories } from '../reports/order-history';
import { journeyExportRoutes } from './journey-export';
import { journeyPeriod } from './journey-period';
import { PAGE_SIZE, pageOf, renderAdmin, shopView } from './render';

const NPS_MONTHS = 12;
const NPS_REASONS = 20;

const TouchpointQuery = z.object({
  stage: z.string().regex(/^[a-z_]{1,20}$/),
  phase: z.string().regex(/^[a-z_]{1,20}$/),
  channel: z.string().regex(/^[a-z]{1,20}$/),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const RemindForm = z.object({ customer: z.string().min(1).max(200) });

/** The customer-experience pages: the journey's touchpoints, NPS, repurchase and customers gone quiet. */
export function journeyRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;
  journeyExportRoutes(app, deps);

  app.get('/journey', async (c) => {
    const shop = shopView(deps);
    const now = deps.clock();
    const { period, problem } = journeyPeriod(c.req.query(), now, shop.timeZone);
    const [report, abandonment] = await Promise.all([journeyReport(db, period, now), abandonmentReasons(db, period)]);
    const reasons = Object.entries(shop.flows.shop.after_sale.abandoned_cart.reasons).map(([id, text]) => ({ id, label: text }));
    return renderAdmin(
      c,
      deps,
      { title: 'Hành trình khách', active: 'journey' },
      <JourneyPage period={period} problem={problem} report={report} abandonment={abandonment} reasons={reasons} flowTitle={shop.flowTitle} stepTitle={(flow, step) => {
        const known = flow && step !== null ? shop.flows.flows.get(flow)?.steps[step] : undefined;
        return step === null ? '–' : known ? stepTitle(known) || step : step;
      }} />,
    );
  });

  app.get('/journey/touchpoint', async (c) => {
    const shop = shopView(deps);
    const parsed = TouchpointQuery.safeParse(c.req.query());
    if (!parsed.success) return c.redirect(href('/journey'), 303);
    const { period } = journeyPeriod(c.req.query(), deps.clock(), shop.timeZone);
    const { stage, phase, channel, page } = parsed.data;
    const touchpoint = { stage: stage === 'none' ? null : stage, phase: phase === 'none' ? null : phase, channel };
    const shown = pageOf(await touchpointConversations(db, period, touchpoint, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }), PAGE_SIZE);
    return renderAdmin(
      c,
      deps,
      { title: 'Điểm chạm', active: 'journey' },
      <TouchpointPage period={period} touchpoint={touchpoint} rows={shown.rows} page={page} hasNext={shown.hasNext} timeZone={shop.timeZone} flowTitle={shop.flowTitle} />,
    );
  });

  app.get('/nps', async (c) => {
    const shop = shopView(deps);
    const months = monthsUpTo(deps.clock(), NPS_MONTHS, shop.timeZone);
    const page = Math.max(1, Math.min(10_000, Number(c.req.query('page')) || 1));
    const range = { from: months[0]!.from, to: months[months.length - 1]!.to };
    const [byMonth, answers, reasons] = await Promise.all([
      npsByMonth(db, months),
      npsAnswers(db, range, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, withReason: true }),
      npsReasons(db, range, NPS_REASONS),
    ]);
    const shown = pageOf(answers, PAGE_SIZE);
    const settings = shop.flows.shop.after_sale.nps;
    return renderAdmin(
      c,
      deps,
      { title: 'NPS', active: 'nps' },
      <NpsPage months={byMonth} answers={shown.rows} reasons={reasons} page={page} hasNext={shown.hasNext} timeZone={shop.timeZone} asking={settings.enabled} periodDays={settings.every_days} />,
    );
  });

  app.get('/churn', async (c) => {
    const shop = shopView(deps);
    const histories = await orderHistories(db);
    const lapsed = await lapsedCustomers(db, histories, shop.flows, deps.clock());
    const cohorts = repeatByCohort(histories, shop.timeZone);
    const told = c.req.query('told');
    const notice = told ? { ok: c.req.query('ok') === '1', text: told } : undefined;
    return renderAdmin(c, deps, { title: 'Mua lại', active: 'churn' }, <ChurnPage cohorts={cohorts} lapsed={lapsed} timeZone={shop.timeZone} csrf={c.get('session').csrf} notice={notice} />);
  });

  /**
   * One tap: the bot's repurchase reminder (the reminder flow), scheduled now for the
   * scheduler to send. Refused, with the reason, when the customer cannot be reached.
   */
  app.post('/churn/remind', async (c) => {
    const form = RemindForm.safeParse(await c.req.parseBody());
    const back = (ok: boolean, text: string) => c.redirect(href('/churn', { ok: ok ? '1' : '0', told: text }), 303);
    if (!form.success) return back(false, 'Chưa chọn khách để nhắc.');
    const flows = deps.flows();
    const now = deps.clock();
    const customer = (await lapsedCustomers(db, await orderHistories(db), flows, now)).find((row) => row.id === form.data.customer);
    if (!customer) return back(false, 'Khách này không còn trong danh sách lâu chưa quay lại (có thể vừa đặt đơn mới).');
    const name = customer.name ?? 'khách';
    if (customer.reach !== 'reachable') return back(false, `Không nhắn được cho ${name}: ${REACH_WORDS[customer.reach]}. Hãy gọi điện cho khách.`);
    if (!flows.shop.after_sale.reorder.enabled) return back(false, 'Tin nhắc mua lại đang tắt trong shop.yaml (after_sale.reorder.enabled).');
    if (customer.reminded) return back(true, `Đã hẹn nhắc ${name} cho đơn ${customer.lastOrderCode} rồi.`);
    await db.executeQuery(
      scheduleQuery(db, {
        id: newId(now),
        customerId: customer.id,
        kind: 'reorder',
        key: `${REMINDER_KEY_PREFIX}${customer.lastOrderCode}`,
        dueAt: now.toISOString(),
        payload: { order_code: customer.lastOrderCode, product: customer.lastItems[0]?.productId, cart: customer.lastItems },
        now: now.toISOString(),
      }),
    );
    deps.log.info('repurchase reminder scheduled from the dashboard', { customer: customer.id });
    return back(true, `Bot sẽ nhắn ${name} nhắc mua lại trong vài phút.`);
  });
}
