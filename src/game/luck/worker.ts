// The luck-or-choice worker (a module Web Worker): loads the scenario, replays the record's
// orders over other seeds in chunks, reports progress after each chunk and posts the merged
// result. Every failure is posted back as a message; nothing is thrown away silently.
import { formatFaults, luckOrChoice, mergeLuck, parseRecord, prepareLuck } from '../../sim';
import { loadScenario } from '../../sim/scenario/load';
import { LUCK_CHUNK, MAX_LUCK_SEEDS, type LuckMessage, type LuckRequest } from './protocol';

interface WorkerScope {
  postMessage(message: LuckMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LuckRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

function run(request: LuckRequest): void {
  const { id } = request;
  const started = performance.now();
  const fail = (message: string) => scope.postMessage({ type: 'error', id, message });

  const loaded = loadScenario(request.scenario);
  if (!loaded.ok) {
    fail(`The scenario does not load: ${formatFaults(loaded.errors)}`);
    return;
  }
  const sc = loaded.value;
  const parsed = parseRecord(request.record);
  if (!parsed.ok) {
    fail(`The game record is not valid: ${formatFaults(parsed.errors)}`);
    return;
  }
  const record = parsed.value;
  const seeds = Math.floor(request.seeds);
  if (!Number.isFinite(seeds) || seeds < 1 || seeds > MAX_LUCK_SEEDS) {
    fail(`The number of seeds must be between 1 and ${MAX_LUCK_SEEDS}, not ${request.seeds}.`);
    return;
  }
  const from = Math.min(seeds, Math.max(0, Math.floor(request.from ?? 0)));
  const end = Math.min(seeds, from + Math.max(0, Math.floor(request.count ?? seeds)));
  const chunk = Math.max(1, Math.floor(request.chunk ?? LUCK_CHUNK));
  const plan = prepareLuck(sc, record);
  const loadMs = performance.now() - started;
  const options = {
    seeds,
    plan,
    ...(request.baseSeed ? { baseSeed: request.baseSeed } : {}),
    ...(request.whatIf ? { whatIf: request.whatIf } : {}),
  };

  let result = luckOrChoice(sc, record, { ...options, count: 0 });
  for (let at = from; at < end; at += chunk) {
    const part = luckOrChoice(sc, record, {
      ...options,
      from: at,
      count: Math.min(chunk, end - at),
    });
    result = mergeLuck(result, part);
    scope.postMessage({
      type: 'progress',
      id,
      done: result.games,
      total: end - from,
      ms: performance.now() - started,
    });
  }
  scope.postMessage({ type: 'done', id, result, ms: performance.now() - started, loadMs });
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  const id = typeof request?.id === 'number' ? request.id : -1;
  if (request?.type !== 'run') {
    scope.postMessage({
      type: 'error',
      id,
      message: 'The luck-or-choice worker got an unknown request.',
    });
    return;
  }
  try {
    run(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'error', id, message });
  }
});
