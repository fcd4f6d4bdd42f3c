import { ALL_CHANNELS, figuresOf, openReturnRequests, overviewReport } from '../admin/reports/overview';
import { changeOf, OVERVIEW_METRICS } from '../admin/pages/overview-metrics';
import { CHANNEL_LABELS, label } from '../labels';
import { formatCount } from '../admin/format';
import { choosePeriod, previousPeriod } from '../admin/period';
import { formatDay } from '../admin/zoned-time';
import { parseEnv } from '../config';
import { loadDotEnv, loadEngine, openDatabase } from '../runtime.node.ts';

/** `npm run report`: the dashboard's overview of the last 7 days, in the terminal. */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(`Cannot read the environment; fix these variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
const env = parsed.env;

// The flows give the shop's name and time zone; a report is still useful while they have mistakes.
let shopName = 'Shop';
let timeZone = 'Asia/Ho_Chi_Minh';
try {
  const { engine } = await loadEngine(env.FLOWS_DIR);
  shopName = engine.flows.shop.shop.name;
  timeZone = engine.flows.shop.shop.timezone;
} catch (error) {
  console.error(`(flows in ${env.FLOWS_DIR}/ not loaded, days are counted in ${timeZone}: ${(error as Error).message.split('\n')[0]})`);
}

const { store } = await openDatabase(env.DATABASE_PATH);
try {
  const { period } = choosePeriod({ period: '7d' }, new Date(), timeZone);
  const previous = previousPeriod(period, timeZone);
  const [now, before, openReturns] = await Promise.all([overviewReport(store.db, period), overviewReport(store.db, previous), openReturnRequests(store.db)]);
  const channels = [...new Set([...now.channels, ...before.channels])].filter((channel) => figuresOf(now, channel).conversations + figuresOf(before, channel).conversations + figuresOf(now, channel).orders > 0);
  const columns = [...channels, ALL_CHANNELS];
  // Green for better, red for worse, as on the dashboard; plain text when piped to a file.
  const paint = (text: string, tone: 'good' | 'bad' | 'same') => (process.stdout.isTTY && tone !== 'same' ? `\x1b[${tone === 'good' ? 32 : 31}m${text}\x1b[0m` : text);

  console.log(`\n${shopName} · 7 ngày: ${formatDay(period.firstDay)} – ${formatDay(period.lastDay)} (so với ${formatDay(previous.firstDay)} – ${formatDay(previous.lastDay)})\n`);
  console.log(['', ...columns.map((channel) => label(CHANNEL_LABELS, channel)), 'thay đổi'].map((cell, index) => (index === 0 ? cell.padEnd(26) : cell.padStart(14))).join(''));
  for (const metric of OVERVIEW_METRICS) {
    const values = columns.map((channel) => metric.format(metric.value(figuresOf(now, channel))));
    const change = changeOf(metric, metric.value(figuresOf(now, ALL_CHANNELS)), metric.value(figuresOf(before, ALL_CHANNELS)));
    console.log([metric.name.padEnd(26), ...values.map((cell) => cell.padStart(14)), paint(change.text.padStart(14), change.tone)].join(''));
  }
  console.log(`\nĐổi trả đang chờ xử lý: ${formatCount(openReturns)}`);
  console.log(`Xem chi tiết: http://localhost:${env.PORT}/admin\n`);
} finally {
  await store.close();
}
