import { parseEnv } from '../config';
import { ZaloBotClient } from '../channels/zalo/client';
import { removeZaloWebhook, setUpZaloWebhook, testZaloWebhook } from '../channels/zalo/setup';
import { loadDotEnv } from '../runtime.node.ts';
import { hasFlag } from './args';
import { failWith, printSteps } from './setup-output';

const fail: (message: string) => never = failWith('zalo:setup');

/**
 * `npm run zalo:setup`: checks ZALO_BOT_TOKEN with getMe and points Zalo at
 * `${PUBLIC_URL}/zalo/webhook` with ZALO_WEBHOOK_SECRET, printing what Zalo answered.
 * `-- --remove` deletes the webhook (back to long polling); `-- --test` then has Zalo send a
 * test request to it (limited per day).
 */
loadDotEnv();
const parsed = parseEnv(process.env);
if (!parsed.ok) fail(`fix these environment variables (see .env.example):\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}`);
const env = parsed.env;
if (!env.ZALO_BOT_TOKEN) fail('ZALO_BOT_TOKEN is not set: create a bot on the Zalo Bot platform, put its token in .env, and run this again');
const client = new ZaloBotClient(env.ZALO_BOT_TOKEN, env.ZALO_API_URL ? { apiUrl: env.ZALO_API_URL } : {});

try {
  if (hasFlag(process.argv.slice(2), '--remove')) {
    printSteps(await removeZaloWebhook(client));
    console.log('\nThe webhook is removed: `npm start` without PUBLIC_URL now receives Zalo updates by long polling.');
  } else {
    if (!env.PUBLIC_URL) fail('PUBLIC_URL is not set: set it to the https address of this server (or run with --remove to use long polling)');
    if (!env.ZALO_WEBHOOK_SECRET) fail('ZALO_WEBHOOK_SECRET is not set: put a random string of 8+ letters and digits in .env');
    printSteps(await setUpZaloWebhook(client, { publicUrl: env.PUBLIC_URL, secret: env.ZALO_WEBHOOK_SECRET }));
    const test = hasFlag(process.argv.slice(2), '--test');
    if (test) printSteps([await testZaloWebhook(client)]);
    console.log(`\nZalo now sends updates to ${env.PUBLIC_URL.replace(/\/+$/, '')}/zalo/webhook. Start the server with \`npm start\`.`);
    if (!test) console.log('With the server running, `npm run zalo:setup -- --test` has Zalo send a test request to the webhook (a few times a day).');
  }
} catch (error) {
  fail(`Zalo refused: ${error instanceof Error ? error.message : String(error)}`);
}
