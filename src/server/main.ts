// `npm run serve`: starts the live-class server and stops it cleanly on Ctrl-C or SIGTERM.
import { parseServeArgs, USAGE, UsageError } from './args';
import { startServer } from './server';

async function main(): Promise<number> {
  let command;
  try {
    command = parseServeArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`serve: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    console.log(USAGE);
    return 0;
  }
  const { options } = command;
  let running;
  try {
    running = await startServer(options);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === 'EADDRINUSE'
        ? `port ${options.port} is in use (another server?); choose another with --port`
        : e.code === 'EACCES'
          ? `no permission to listen on port ${options.port}; choose one above 1023 with --port`
          : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
            ? `this computer has no address ${options.host}; check --host`
            : e.message;
    console.error(`serve: ${reason}`);
    return 1;
  }
  const where = options.redisUrl ? `Redis at ${options.redisUrl}` : running.store.where;
  console.log(
    `Brink live class on http://${options.host}:${running.port}/ (rooms and the game; records in ${where}). Ctrl-C stops it.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
