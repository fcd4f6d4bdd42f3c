import type { ZaloBotClient } from './client.js';

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
