import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/**
 * Every environment variable the bot reads, validated at start-up. The same schema runs on
 * Node (process.env) and on Workers (the env bindings), so both refuse the same mistakes.
 */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    DATABASE_PATH: z.string().min(1).default('data/shop.db'),
    FLOWS_DIR: z.string().min(1).default('flows'),
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be the public https:// address of this server, e.g. https://shop.example.vn' }).optional()),
    TELEGRAM_BOT_TOKEN: optionalText.pipe(z.string().regex(/^\d+:[\w-]{30,}$/, 'must look like 123456789:AA… as BotFather gave it').optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 letters, digits, _ or -').optional()),
    TELEGRAM_API_ROOT: optionalText.pipe(z.url().optional()),
    OWNER_TELEGRAM_CHAT_ID: optionalText.pipe(z.string().regex(/^-?\d+$/, 'must be a Telegram chat id (a number, negative for groups)').optional()),
    ZALO_BOT_TOKEN: optionalText,
    ZALO_WEBHOOK_SECRET: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').max(256).optional()),
    ZALO_API_URL: optionalText.pipe(z.url().optional()),
    /** The API key typed in SePay's webhook form; SePay sends it as `Authorization: Apikey <key>`. Unset: no /payments/sepay route. */
    SEPAY_API_KEY: optionalText.pipe(z.string().min(16, "must be at least 16 characters, the same key as in SePay's webhook form (Xác thực: API Key)").optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
    IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    HUMAN_REPLY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
    /** 1: the server sits behind one reverse proxy; the client's address is the last X-Forwarded-For entry. */
    TRUST_PROXY: z.enum(['0', '1', 'true', 'false', '']).default('0').transform((value) => value === '1' || value === 'true'),
    /** Transcript text older than this many days is cleared; the anonymous counts stay. */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  })
  .superRefine((env, context) => {
    if (env.PUBLIC_URL && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET) {
      context.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set (Telegram signs webhook calls with it)' });
    }
    if (env.PUBLIC_URL && env.ZALO_BOT_TOKEN && !env.ZALO_WEBHOOK_SECRET) {
      context.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when PUBLIC_URL and ZALO_BOT_TOKEN are set (Zalo sends it in the X-Bot-Api-Secret-Token header of every webhook call; it does not sign the body)' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Parses the environment; each problem names the variable and what it expects. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const message = issue.code === 'invalid_type' ? `has the wrong type (${issue.message})` : issue.message;
      return `${name} ${message}`;
    }),
  };
}
