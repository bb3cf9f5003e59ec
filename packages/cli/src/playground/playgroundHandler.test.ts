import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { playgroundHandler } from './playgroundHandler';

const encode = (text: string) => new TextEncoder().encode(text);
let server: Server;
let origin: string;

beforeAll(async () => {
  const handle = playgroundHandler(
    new Map([
      ['index.html', encode('<p>page')],
      ['worker.js', encode('1')],
      ['data/nb201/nb201.json', encode('{}')],
    ]),
    '/playground/',
  );
  server = createServer((request, response) => {
    if (!handle(request, response)) response.writeHead(418).end('not mine');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('playgroundHandler', () => {
  test.each([
    ['/playground/', 200, 'text/html; charset=utf-8', '<p>page'],
    ['/playground/worker.js', 200, 'text/javascript; charset=utf-8', '1'],
    ['/playground/data/nb201/nb201.json', 200, 'application/json', '{}'],
    ['/playground/missing.js', 404, 'text/plain; charset=utf-8', 'no missing.js in the playground\n'],
    ['/playground/data/../index.html', 200, 'text/html; charset=utf-8', '<p>page'],
    ['/elsewhere', 418, undefined, 'not mine'],
  ])('GET %s is %i', async (path, status, type, body) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(status);
    if (type !== undefined) expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  test('the prefix without its slash redirects to it; other methods than GET and HEAD are refused', async () => {
    const redirect = await fetch(`${origin}/playground`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/playground/']);
    expect((await fetch(`${origin}/playground/`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${origin}/playground/worker.js`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '1', '']);
  });
});
