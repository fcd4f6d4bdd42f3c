import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';

/**
 * The bare bot `npm run bench:webhook` compares the shop with: grammY behind Hono, replying
 * with the text it got, nothing stored. Reads TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT,
 * TELEGRAM_WEBHOOK_SECRET and PORT as the shop does.
 */
const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT! } });
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
await bot.init();
const app = new Hono();
app.post('/telegram/webhook', webhookCallback(bot, 'hono', { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET! }));
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, () => console.log('echo bot running'));
