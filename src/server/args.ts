// `npm run serve -- [--host H] [--port P] [--records DIR] [--site DIR]`: the command line of the
// live-class server, parsed into ServeOptions or refused with a one-line reason and the usage.
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, type ServeOptions } from './server';

export const USAGE = `Usage: npm run serve -- [--host HOST] [--port PORT] [--records DIR] [--site DIR] [--public-address ADDR]

Serves the built game (dist/, made by \`npm run build\`) and the live-class rooms on one port.
  --host HOST     the address to listen on (default ${DEFAULT_HOST}: this computer only;
                  0.0.0.0 lets the students' devices on the local network connect)
  --port PORT     the port (default ${DEFAULT_PORT})
  --records DIR   where each class's record is written after every turn (default ./records)
  --site DIR      the built game to serve (default dist/, as \`npm run build\` makes it)
  --public-address ADDR
                  with Redis: where browsers reach this process (host:port, or a proxy's
                  host/path), so a class found through another process connects here
  --help          this text
With REDIS_URL set (redis://host:port), presence, matchmaking and records go through Redis, so
several server processes can serve the same classes.`;

export class UsageError extends Error {}

export type Command = { help: true } | { help: false; options: ServeOptions };

export function parseServeArgs(args: readonly string[], env: NodeJS.ProcessEnv): Command {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        records: { type: 'string' },
        site: { type: 'string' },
        'public-address': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(
      (error as Error).message.split('\n')[0]!.split('. ')[0]!.replace(/\.$/, ''),
    );
  }
  if (values.help) return { help: true };
  const host = values.host ?? DEFAULT_HOST;
  if (host.trim() === '' || host.length > 253 || /\s/.test(host))
    throw new UsageError(`--host takes an address or host name, not "${host.slice(0, 40)}"`);
  const portText = values.port ?? String(DEFAULT_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65_535))
    throw new UsageError(
      `--port takes a whole number from 1 to 65535, not "${portText.slice(0, 40)}"`,
    );
  const records = values.records ?? 'records';
  if (records.trim() === '') throw new UsageError('--records takes a folder');
  if (values.site?.trim() === '') throw new UsageError('--site takes a folder');
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl !== undefined && redisUrl !== '' && !/^rediss?:\/\//.test(redisUrl))
    throw new UsageError(
      `REDIS_URL must look like redis://host:port, not "${redisUrl.slice(0, 60)}"`,
    );
  const publicAddress = values['public-address'];
  if (publicAddress !== undefined && !/^[^\s/][^\s]{0,252}$/.test(publicAddress))
    throw new UsageError(
      `--public-address takes host:port or host/path, not "${publicAddress.slice(0, 40)}"`,
    );
  return {
    help: false,
    options: {
      host,
      port,
      recordsDir: records,
      ...(values.site ? { distDir: values.site } : {}),
      ...(redisUrl ? { redisUrl } : {}),
      ...(publicAddress ? { publicAddress } : {}),
    },
  };
}
