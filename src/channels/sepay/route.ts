import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { BankTransfers, ReportedTransfer } from '../../conversation/payments/bank-transfers';
import type { Logger } from '../../log';
import { repeatedWarning } from '../repeated-warning';
import { deferOf } from '../request-defer';

export interface SepayRouteDeps {
  /** SEPAY_API_KEY: the key typed in SePay's webhook form (Xác thực: API Key). */
  apiKey: string;
  transfers: BankTransfers;
  log: Logger;
  clock: () => Date;
}

/** One transaction as SePay posts it (developer.sepay.vn, "Tích hợp webhook"). */
const SepayTransaction = z.object({
  id: z.union([z.number(), z.string().min(1)]).transform(String),
  gateway: z.string().default(''),
  transactionDate: z.string().nullish(),
  accountNumber: z.string().default(''),
  subAccount: z.string().nullish(),
  code: z.string().nullish(),
  content: z.string().nullish(),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.coerce.number().nonnegative(),
  referenceCode: z.string().nullish(),
});

const encoder = new TextEncoder();

/**
 * Compares in constant time by comparing SHA-256 digests: equal lengths whatever was sent,
 * and Web Crypto runs the same on Node and Workers.
 */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', encoder.encode(given)), crypto.subtle.digest('SHA-256', encoder.encode(expected))]);
  const left = new Uint8Array(a);
  const right = new Uint8Array(b);
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= left[i]! ^ right[i]!;
  return difference === 0;
}

/**
 * `POST /payments/sepay`: SePay's webhook. 401 without the right `Authorization: Apikey …`;
 * `{"success": true}` with 200 once the transaction is stored (or was stored before: SePay
 * retries a failed delivery up to 7 times). A body that is not a transaction gets 400, which
 * SePay's delivery log shows the operator; a failure to store answers 500 for SePay to retry.
 */
export function sepayRoute(deps: SepayRouteDeps): Hono {
  const route = new Hono();
  const wrongKey = repeatedWarning(deps.log, 'sepay webhook refused: wrong or missing "Authorization: Apikey …"; the key in SePay\'s webhook form must equal SEPAY_API_KEY');
  route.post('/', bodyLimit({ maxSize: 32 * 1024, onError: (c) => c.json({ success: false, message: 'body too large' }, 413) }), async (c) => {
    const header = c.req.header('authorization') ?? '';
    const [scheme, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'apikey' || !(await sameSecret(rest.join(' '), deps.apiKey))) {
      wrongKey();
      return c.json({ success: false, message: 'wrong or missing Authorization: Apikey' }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ success: false, message: 'body is not JSON' }, 400);
    }
    const parsed = SepayTransaction.safeParse(body);
    if (!parsed.success) {
      deps.log.warn('sepay webhook body is not a transaction', { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      return c.json({ success: false, message: 'body is not a SePay transaction' }, 400);
    }
    // Answered once stored; the messages go out after, as SePay waits only a few seconds.
    await deps.transfers.receive(reportedTransfer(parsed.data, deps.clock()), deferOf(c));
    return c.json({ success: true });
  });
  return route;
}

function reportedTransfer(transaction: z.infer<typeof SepayTransaction>, now: Date): ReportedTransfer {
  return {
    source: 'sepay',
    externalId: transaction.id,
    bank: transaction.gateway,
    accountNumber: transaction.accountNumber,
    subAccount: transaction.subAccount ?? null,
    direction: transaction.transferType,
    amount: Math.round(transaction.transferAmount),
    content: transaction.content ?? '',
    serviceCode: transaction.code ?? null,
    referenceCode: transaction.referenceCode ?? null,
    transferredAt: transferTime(transaction.transactionDate, now),
  };
}

/**
 * SePay writes the bank's local time, Vietnam's, as "2023-03-25 14:02:37". Another spelling
 * is read as a date if it is one; none at all is the time it arrived, so a surprise in this
 * field never makes SePay give up on a real transfer.
 */
function transferTime(written: string | null | undefined, now: Date): string {
  const local = written?.trim().match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/);
  const parsed = local ? new Date(`${local[1]}T${local[2]}+07:00`) : written ? new Date(written) : now;
  return Number.isNaN(parsed.getTime()) ? now.toISOString() : parsed.toISOString();
}
