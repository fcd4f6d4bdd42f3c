import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { composeShop, runJob, type Shop } from './compose';
import { parseEnv, type Env } from './config';
import { createEngine, type Engine, deserializeUnderstanding } from './engine/index';
import { formatProblem, loadFlows } from './flows/index';
import { bundledFlows } from './generated/flows';
import { bundledUnderstanding } from './generated/nlu-model';
import { consoleLogger, type Logger } from './log';
import { openD1Store } from './store/index';

/** What wrangler.toml binds: the D1 database, plus the variables and secrets of `.env.example`. */
export interface WorkerBindings {
  DB: D1Database;
  [name: string]: unknown;
}

/**
 * The shop on Cloudflare Workers: the same composition as on Node, over D1, with the flows
 * bundled at build (`npm run flows:bundle`), built once per isolate. Webhook routes defer
 * their deliveries to the request's `waitUntil`; the cron trigger runs the timed jobs.
 */
export default {
  async fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
    const opened = await shopFor(bindings);
    if (!opened.ok) return configError(opened.errors);
    return opened.shop.app.fetch(request, bindings, ctx);
  },

  /** The cron trigger (wrangler.toml): every timed job, each run even when another fails. */
  async scheduled(_controller: ScheduledController, bindings: WorkerBindings, ctx: ExecutionContext): Promise<void> {
    const opened = await shopFor(bindings);
    if (!opened.ok) {
      console.error(configMessage(opened.errors));
      return;
    }
    const { shop, log } = opened;
    ctx.waitUntil(
      (async () => {
        for (const job of shop.jobs) await runJob(job, log);
      })(),
    );
  },
};

type Opened = { ok: true; shop: Shop; log: Logger } | { ok: false; errors: string[] };

const shops = new WeakMap<object, Promise<Opened>>();

function shopFor(bindings: WorkerBindings): Promise<Opened> {
  let shop = shops.get(bindings);
  if (!shop) {
    shop = openShop(bindings);
    shops.set(bindings, shop);
    // A failed start (e.g. D1 unreachable) is tried again by the next request.
    shop.catch(() => shops.delete(bindings));
  }
  return shop;
}

async function openShop(bindings: WorkerBindings): Promise<Opened> {
  const parsed = parseEnv(textBindings(bindings));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const env = parsed.env;
  const extra = workerOnlyErrors(env);
  if (extra.length > 0) return { ok: false, errors: extra };
  if (!bindings.DB) return { ok: false, errors: ['DB is not bound: add the [[d1_databases]] binding "DB" to wrangler.toml'] };
  const loaded = bundledEngine();
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const log = consoleLogger(env.LOG_LEVEL);
  const { engine } = loaded;
  const shop = await composeShop(env, {
    store: openD1Store(bindings.DB),
    engine: () => engine,
    log,
    persistent: false,
    // Cloudflare's edge puts the visitor's address here; the dashboard's lockout counts by it.
    clientAddress: (c) => c.req.header('CF-Connecting-IP'),
  });
  return { ok: true, shop, log };
}

/** Worker vars and secrets as the strings parseEnv expects; the bindings (DB) are not text. */
function textBindings(bindings: WorkerBindings): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** On Workers every platform update comes by webhook, so each bot token needs its webhook secret. */
function workerOnlyErrors(env: Env): string[] {
  const errors: string[] = [];
  if (env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET) errors.push('TELEGRAM_WEBHOOK_SECRET is required on Workers when TELEGRAM_BOT_TOKEN is set (wrangler secret put TELEGRAM_WEBHOOK_SECRET)');
  if (env.ZALO_BOT_TOKEN && !env.ZALO_WEBHOOK_SECRET) errors.push('ZALO_WEBHOOK_SECRET is required on Workers when ZALO_BOT_TOKEN is set (wrangler secret put ZALO_WEBHOOK_SECRET)');
  return errors;
}

let bundled: { ok: true; engine: Engine } | { ok: false; errors: string[] } | undefined;

/** The flows are fixed at build time, so the isolate parses them once, whatever env objects it sees. */
function bundledEngine() {
  if (!bundled) {
    const loaded = loadFlows(bundledFlows);
    // The build refuses bad flows (flows:bundle), so this only fails on a hand-edited bundle.
    // The understanding model was trained when the flows were bundled: a Worker never trains.
    bundled = loaded.ok
      ? { ok: true, engine: createEngine(loaded.flows, deserializeUnderstanding(bundledUnderstanding, loaded.flows.version)) }
      : { ok: false, errors: loaded.errors.map(formatProblem) };
  }
  return bundled;
}

function configMessage(errors: readonly string[]): string {
  return `The bot cannot start; fix these Worker variables or secrets (wrangler.toml [vars], wrangler secret put):\n${errors.map((line) => `  - ${line}`).join('\n')}`;
}

function configError(errors: readonly string[]): Response {
  console.error(configMessage(errors));
  return new Response(JSON.stringify({ error: 'the bot is not configured', problems: errors }), { status: 500, headers: { 'content-type': 'application/json' } });
}
