import type { ZaloBotClient } from './client.js';
import { ZaloApiError } from './error.js';

export interface ZaloSetupStep {
  what: string;
  answer: unknown;
}

/** Checks the token, then points Zalo at `${publicUrl}/zalo/webhook` with the secret. */
export async function setUpZaloWebhook(client: ZaloBotClient, options: { publicUrl: string; secret: string }): Promise<ZaloSetupStep[]> {
  const url = `${options.publicUrl.replace(/\/+$/, '')}/zalo/webhook`;
  return [
    { what: 'getMe (the token is valid)', answer: await client.getMe() },
    { what: `setWebhook ${url}`, answer: await client.setWebhook({ url, secret_token: options.secret }) },
    { what: 'getWebhookInfo', answer: await client.getWebhookInfo() },
  ];
}

/** Removes the webhook, so `npm start` without PUBLIC_URL receives updates by long polling. */
export async function removeZaloWebhook(client: ZaloBotClient): Promise<ZaloSetupStep[]> {
  return [
    { what: 'getMe (the token is valid)', answer: await client.getMe() },
    { what: 'deleteWebhook', answer: await client.deleteWebhook() },
  ];
}

/**
 * Zalo's own test of the webhook (`testWebhook`): it sends a request to the URL with the
 * secret, which the route answers 200 whatever its body. Not every account offers it (404),
 * and it has a daily limit (426); both are reported as a step, not as a failure.
 */
export async function testZaloWebhook(client: ZaloBotClient): Promise<ZaloSetupStep> {
  const what = 'testWebhook (Zalo sends a test request to the webhook)';
  try {
    return { what, answer: await client.testWebhook() };
  } catch (error) {
    if (!(error instanceof ZaloApiError)) throw error;
    if (error.errorCode === 426) return { what, answer: 'the daily limit of webhook tests is used up (426); try again tomorrow, the webhook itself is set' };
    if (error.errorCode === 404) return { what, answer: 'this Zalo Bot API does not offer testWebhook (404); send the bot a message to try the webhook' };
    throw error;
  }
}
