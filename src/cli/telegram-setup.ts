import { parseEnv } from '../config';
import { createTelegramBot } from '../channels/telegram/bot';
import { removeTelegramWebhook, setUpTelegram } from '../channels/telegram/setup';
import { formatProblem, loadFlows } from '../flows/index';
import { readFlowDir } from '../flows/flow-dir.node.ts';
import { loadDotEnv } from '../runtime.node.ts';
import { hasFlag } from './args';
import { failWith, printSteps } from './setup-output';

const fail: (message: string) => never = failWith('telegram:setup');

/**
 * `npm run telegram:setup`: points Telegram at `${PUBLIC_URL}/telegram/webhook` with the
 * secret, sets the command lists and the bot's description from shop.yaml, and prints what
 * Telegram answered. `-- --remove` deletes the webhook (back to long polling).
 */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) fail(`fix these environment variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
const env = parsed.env;
if (!env.TELEGRAM_BOT_TOKEN) fail('TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather, put its token in .env, and run this again');
const bot = createTelegramBot({ token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT });

try {
  if (hasFlag(process.argv.slice(2), '--remove')) {
    printSteps(await removeTelegramWebhook(bot.api));
    console.log('\nThe webhook is removed: `npm start` without PUBLIC_URL now receives updates by long polling.');
  } else {
    if (!env.PUBLIC_URL) fail('PUBLIC_URL is not set: set it to the https address of this server (or run with --remove to use long polling)');
    if (!env.TELEGRAM_WEBHOOK_SECRET) fail('TELEGRAM_WEBHOOK_SECRET is not set: put a random string of 16+ letters and digits in .env');
    const flows = loadFlows(await readFlowDir(env.FLOWS_DIR));
    if (!flows.ok) fail(`the flow files have mistakes (npm run flows:check):\n${flows.errors.map(formatProblem).join('\n')}`);
    printSteps(await setUpTelegram(bot.api, { publicUrl: env.PUBLIC_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, shop: flows.flows.shop, ownerChatId: env.OWNER_TELEGRAM_CHAT_ID }));
    console.log(`\nTelegram now sends updates to ${env.PUBLIC_URL.replace(/\/+$/, '')}/telegram/webhook. Start the server with \`npm start\`.`);
  }
} catch (error) {
  fail(`Telegram refused: ${error instanceof Error ? error.message : String(error)}`);
}
