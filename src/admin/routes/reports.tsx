import type { Hono } from 'hono';
import type { AdminDeps, AdminEnv } from '../deps';
import { FlowsPage, type FlowSummary } from '../pages/flows';
import { OverviewPage } from '../pages/overview';
import { SatisfactionPage } from '../pages/satisfaction';
import { choosePeriod, previousPeriod } from '../period';
import { abandonedAtStep, funnelOf, stepReach, touchpointsByFlow, unrecognizedMessages } from '../reports/flows';
import { openReturnRequests, overviewReport } from '../reports/overview';
import { productScores, satisfactionBy, satisfactionByWeek, satisfactionComments, scoreDistribution } from '../reports/satisfaction';
import { addDays, localDayOf, mondayOf, startOfLocalDay } from '../zoned-time';
import { PAGE_SIZE, pageOf, renderAdmin, shopView } from './render';

const CHART_WEEKS = 12;
const FALLBACK_GROUPS = 50;

/** The three report pages: overview, satisfaction, flows. */
export function reportRoutes(app: Hono<AdminEnv>, deps: AdminDeps): void {
  const db = deps.store.db;

  app.get('/', async (c) => {
    const { timeZone } = shopView(deps);
    const { period, problem } = choosePeriod(c.req.query(), deps.clock(), timeZone);
    const previous = previousPeriod(period, timeZone);
    const [now, before, openReturns] = await Promise.all([overviewReport(db, period), overviewReport(db, previous), openReturnRequests(db)]);
    return renderAdmin(c, deps, { title: 'Tổng quan', active: 'overview' }, <OverviewPage period={period} previous={previous} problem={problem} now={now} before={before} openReturns={openReturns} />);
  });

  app.get('/satisfaction', async (c) => {
    const shop = shopView(deps);
    const clock = deps.clock();
    const { period, problem } = choosePeriod(c.req.query(), clock, shop.timeZone);
    const page = Math.max(1, Math.min(10_000, Number(c.req.query('page')) || 1));
    const today = localDayOf(clock, shop.timeZone);
    const lastMonday = mondayOf(period.lastDay < today ? period.lastDay : today);
    const weeks = Array.from({ length: CHART_WEEKS }, (_, index) => {
      const week = addDays(lastMonday, (index - CHART_WEEKS + 1) * 7);
      return { week, from: startOfLocalDay(week, shop.timeZone).toISOString(), to: startOfLocalDay(addDays(week, 7), shop.timeZone).toISOString() };
    });
    const [byWeek, distribution, byFlow, byChannel, comments, products] = await Promise.all([
      satisfactionByWeek(db, weeks),
      scoreDistribution(db, period),
      satisfactionBy(db, period, 'entry_flow'),
      satisfactionBy(db, period, 'channel'),
      satisfactionComments(db, period, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
      productScores(db, period),
    ]);
    const catalog = deps.flows().shop.catalog ?? [];
    const productName = (id: string | null) => catalog.find((product) => product.id === id)?.name ?? id ?? 'Khác';
    const shown = pageOf(comments, PAGE_SIZE);
    return renderAdmin(
      c,
      deps,
      { title: 'Mức hài lòng', active: 'satisfaction' },
      <SatisfactionPage
        period={period}
        problem={problem}
        weeks={byWeek}
        distribution={distribution}
        byFlow={byFlow}
        byChannel={byChannel}
        products={products.map((row) => ({ ...row, key: row.product, closed: row.scored, answered: row.scored, name: productName(row.product) }))}
        flowTitle={shop.flowTitle}
        comments={shown.rows}
        page={page}
        hasNext={shown.hasNext}
        timeZone={shop.timeZone}
      />,
    );
  });

  app.get('/flows', async (c) => {
    const shop = shopView(deps);
    const { period, problem } = choosePeriod(c.req.query(), deps.clock(), shop.timeZone);
    const known = [...shop.flows.flows.values()];
    const [touchpoints, reach, abandoned, fallbacks] = await Promise.all([
      touchpointsByFlow(db, period),
      stepReach(db, period, known),
      abandonedAtStep(db, period),
      unrecognizedMessages(db, period, FALLBACK_GROUPS),
    ]);
    const byFlow = new Map(touchpoints.map((row) => [row.flow, row]));
    // Flows removed from flows/ still show their conversations; their steps are no longer known.
    const retired = [...new Set(touchpoints.flatMap((row) => (row.flow ? [row.flow] : [])))].filter((id) => !shop.flows.flows.has(id)).sort();
    const flows: FlowSummary[] = [
      ...known.map((flow) => ({
        id: flow.id,
        title: flow.title,
        start: flow.start,
        known: true,
        touchpoints: byFlow.get(flow.id),
        funnel: funnelOf(flow, reach.get(flow.id), abandoned.get(flow.id)),
      })),
      ...retired.map((id) => ({ id, title: id, start: '', known: false, touchpoints: byFlow.get(id), funnel: funnelOf({ steps: {} }, reach.get(id), abandoned.get(id)) })),
    ];
    return renderAdmin(c, deps, { title: 'Luồng hội thoại', active: 'flows' }, <FlowsPage period={period} problem={problem} flows={flows} fallbacks={fallbacks} />);
  });
}
