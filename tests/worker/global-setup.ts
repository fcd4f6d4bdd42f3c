import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { FakeTelegramApi } from '../fakes/telegram-api-server';
import { FakeZaloApi } from '../fakes/zalo-api-server';

/**
 * The platforms for the Worker tests, in Node on 127.0.0.1: the fake Telegram and Zalo APIs
 * the Worker sends to (their URLs become its TELEGRAM_API_ROOT and ZALO_API_URL bindings),
 * and a small window (`GET /calls`) through which the tests, inside workerd, read what the
 * fakes were sent.
 */
export default async function setup(project: TestProject) {
  const telegram = new FakeTelegramApi();
  const zalo = new FakeZaloApi();
  await Promise.all([telegram.start(), zalo.start()]);
  const window: Server = createServer((req, res) => {
    const body = req.url === '/calls' ? JSON.stringify({ telegram: telegram.calls, zalo: zalo.calls }) : '{}';
    res.writeHead(req.url === '/calls' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => window.listen(0, '127.0.0.1', () => resolve()));

  project.provide('fakes', {
    telegramUrl: telegram.url,
    telegramToken: telegram.token,
    zaloUrl: zalo.url,
    zaloToken: zalo.token,
    callsUrl: `http://127.0.0.1:${(window.address() as AddressInfo).port}/calls`,
  });

  return async () => {
    window.closeAllConnections();
    await Promise.all([telegram.close(), zalo.close(), new Promise<void>((resolve) => window.close(() => resolve()))]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakes: { telegramUrl: string; telegramToken: string; zaloUrl: string; zaloToken: string; callsUrl: string };
  }
}
