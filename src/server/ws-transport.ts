// @colyseus/ws-transport 0.16 as Node's ESM loader gives it. Two faults of the package are made
// good here, in one place:
// - its ESM build calls `new WebSocket.Server(…)` on ws's ESM default export, which lacks
//   `.Server` (only ws's CommonJS entry adds it): requiring that entry once, from the transport's
//   own folder, adds it to the same class object the transport imported;
// - its package.json "exports" names no types, so TypeScript cannot see the .d.ts files it ships.
import { createRequire } from 'node:module';
// @ts-expect-error TS7016: the package's types are not reachable through its "exports"
import { WebSocketTransport as Untyped } from '@colyseus/ws-transport';

const require = createRequire(import.meta.url);
createRequire(require.resolve('@colyseus/ws-transport'))('ws');

type Declared =
  typeof import('../../node_modules/@colyseus/ws-transport/build/WebSocketTransport.js').WebSocketTransport;

export const WebSocketTransport = Untyped as Declared;
