// `npm run serve`'s command line and the files it serves beside the rooms.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from '../../src/server/args';
import { staticFiles } from '../../src/server/static-files';
import { freePort, removeScratch, scratchDir } from './support';

describe('the command line', () => {
  it('listens on this computer only, on port 2567, with records in ./records, by default', () => {
    expect(parseServeArgs([], {})).toEqual({
      help: false,
      options: { host: '127.0.0.1', port: 2567, recordsDir: 'records' },
    });
  });

  it('takes a host, a port, a records folder, the site, Redis and a public address', () => {
    const command = parseServeArgs(
      [
        '--host',
        '0.0.0.0',
        '--port',
        '25680',
        '--records',
        '/tmp/r',
        '--site',
        'dist-e2e',
        '--public-address',
        'a:25680',
      ],
      { REDIS_URL: 'redis://127.0.0.1:26379' },
    );
    expect(command).toEqual({
      help: false,
      options: {
        host: '0.0.0.0',
        port: 25680,
        recordsDir: '/tmp/r',
        distDir: 'dist-e2e',
        redisUrl: 'redis://127.0.0.1:26379',
        publicAddress: 'a:25680',
      },
    });
    expect(parseServeArgs(['--help'], {})).toEqual({ help: true });
  });

  it.each([
    [['--port', 'http'], '--port takes a whole number from 1 to 65535, not "http"'],
    [['--port', '70000'], '--port takes a whole number from 1 to 65535, not "70000"'],
    [['--port', '0'], '--port takes a whole number from 1 to 65535, not "0"'],
    [['--host', ''], '--host takes an address or host name, not ""'],
    [['--records', ' '], '--records takes a folder'],
    [['--site', ''], '--site takes a folder'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j with a reason', (args, reason) => {
    expect(() => parseServeArgs(args, {})).toThrow(new UsageError(reason));
  });

  it('refuses a REDIS_URL that is not one', () => {
    expect(() => parseServeArgs([], { REDIS_URL: 'localhost:6379' })).toThrow(
      'REDIS_URL must look like redis://host:port, not "localhost:6379"',
    );
  });
});

describe('the built game', () => {
  let server: Server;
  let port: number;
  let root: string;

  beforeAll(async () => {
    root = join(scratchDir(), 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Brink</title>');
    writeFileSync(join(root, 'assets', 'game.js'), 'console.log(1);');
    writeFileSync(join(root, '..', 'secret.txt'), 'not for the web');
    port = await freePort();
    server = createServer(staticFiles(root));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    removeScratch();
  });

  /** A request with its path sent as written (no URL normalisation on the way). */
  function get(path: string, method = 'GET') {
    return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves its files with their types, and index.html for a folder', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get('/')).body).toContain('<title>Brink</title>');
    expect(await get('/assets/game.js?v=1')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1);',
    });
    expect(await get('/assets/game.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('serves nothing outside its folder, and nothing but GET and HEAD', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/nope',
    ])
      expect((await get(path)).status).toBe(404);
    expect((await get('/%00')).status).toBe(400);
    expect((await get('/', 'POST')).status).toBe(405);
  });
});
