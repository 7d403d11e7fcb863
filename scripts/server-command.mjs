// How the production server is started, by `npm start`, the tests and the benchmark alike.
import path from "node:path";

const HEAP_MB_DEFAULT = 192;
const KEEP_ALIVE_MS = 65_000;

/**
 * `node [heap cap] scripts/server.mjs <port> <keep-alive ms>`. Left alone, V8 lets garbage pile
 * up in a heap sized for this machine's memory; about 70 MB is live under load, and a cap keeps
 * the process near 200 MB. Idle connections outlive the 60 s keep-alive common in load balancers and IdP clients,
 * so the server is never the side that closes a socket a client is about to reuse.
 */
export function serverCommand(root, port) {
  const heapMb = Number(process.env.SERVER_HEAP_MB) || HEAP_MB_DEFAULT;
  const server = path.join(root, "scripts", "server.mjs");
  return {
    command: process.execPath,
    args: [`--max-old-space-size=${heapMb}`, server, String(port), String(KEEP_ALIVE_MS)],
  };
}
