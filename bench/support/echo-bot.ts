import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';

/**
 * The bare bot `npm run bench:webhook` compares the shop with: grammY behind Hono, replying
 * with the text it got, nothing stored. Reads TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT,
 * TELEGRAM_WEBHOOK_SECRET and PORT as the shop does.
 */
const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT! } });
// A socket the fake closed as idle fails one call now and then on a loaded machine: try once more, as a real bot would.
bot.api.config.use(async (call, method, payload, signal) => {
  try {
    return await call(method, payload, signal);
  } catch {
    return call(method, payload, signal);
  }
});
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
await bot.init();
const app = new Hono();
app.post('/telegram/webhook', webhookCallback(bot, 'hono', { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET! }));
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, () => console.log('echo bot running'));
