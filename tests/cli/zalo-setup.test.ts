import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZaloApi } from '../fakes/zalo-api-server';
import { runCli } from './run-cli';

let api: FakeZaloApi;
beforeEach(async () => {
  api = new FakeZaloApi();
  await api.start();
});
afterEach(async () => {
  await api.close();
});

const env = () => ({ ZALO_BOT_TOKEN: api.token, ZALO_API_URL: api.url, PUBLIC_URL: 'https://shop.example.vn/', ZALO_WEBHOOK_SECRET: 'zalo-secret-123', DATABASE_PATH: ':memory:' });

describe('npm run zalo:setup', () => {
  it('checks the token and sets the webhook with its secret, printing what Zalo answered', async () => {
    const { code, stdout } = await runCli('src/cli/zalo-setup.ts', [], '', env());
    expect(code).toBe(0);
    expect(api.calls.map((call) => call.method)).toEqual(['getMe', 'setWebhook', 'getWebhookInfo']);
    expect(api.callsOf('setWebhook')[0]!.body).toEqual({ url: 'https://shop.example.vn/zalo/webhook', secret_token: 'zalo-secret-123' });
    expect(stdout).toContain('setWebhook https://shop.example.vn/zalo/webhook');
  });

  it('--test has Zalo send its own test request to the webhook once it is set; without it, the command says how', async () => {
    const tested = await runCli('src/cli/zalo-setup.ts', ['--test'], '', env());
    expect(tested.code).toBe(0);
    expect(api.calls.map((call) => call.method)).toEqual(['getMe', 'setWebhook', 'getWebhookInfo', 'testWebhook']);
    expect(tested.stdout).toContain('testWebhook');

    const plain = await runCli('src/cli/zalo-setup.ts', [], '', env());
    expect(plain.stdout).toContain('npm run zalo:setup -- --test');
    expect(api.callsOf('testWebhook')).toHaveLength(1);
  });

  it('--test with the daily limit used up says so and still succeeds: the webhook is set', async () => {
    api.webhookTestsLeft = 0;
    const { code, stdout } = await runCli('src/cli/zalo-setup.ts', ['--test'], '', env());
    expect(code).toBe(0);
    expect(stdout).toContain('daily limit of webhook tests is used up (426)');
    expect(api.webhook?.url).toBe('https://shop.example.vn/zalo/webhook');
  });

  it('--remove deletes the webhook', async () => {
    const { code } = await runCli('src/cli/zalo-setup.ts', ['--remove'], '', env());
    expect(code).toBe(0);
    expect(api.calls.map((call) => call.method)).toEqual(['getMe', 'deleteWebhook']);
  });

  it('a wrong token is reported and nothing is set', async () => {
    const { code, stderr } = await runCli('src/cli/zalo-setup.ts', [], '', { ...env(), ZALO_BOT_TOKEN: 'wrong-token' });
    expect(code).toBe(1);
    expect(stderr).toContain('zalo:setup: Zalo refused');
    expect(api.callsOf('setWebhook')).toEqual([]);
  });
});
