// The production server: Next's own request handler behind a plain Node HTTP server, so that a
// request Next will not route still gets an answer in the protocol its path speaks, and the app
// learns the client's address from a header no client can set.
import { EventEmitter } from "node:events";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";

// The methods a Next route handler can export. Next answers any other method that Node's parser
// lets through (TRACE, PROPFIND, MKCOL, …) with an empty 400 or a plain-text 500.
const ROUTABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
const SCIM_PATH = /^\/scim\/v2(?=[/?#]|$)/i;
const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/**
 * The client's address, as the one X-Forwarded-For entry the app reads (the sign-in rate limit,
 * the sync log's client IP). Next fills the header in only when a request lacks it, so a client
 * could name any address it liked and sign in without limit. Without TRUST_PROXY=1 the address
 * is the socket's; with it, the last entry, which the proxy in front appended.
 */
function clientAddress(request, isProxied) {
  const forwarded = isProxied ? String(request.headers["x-forwarded-for"] ?? "") : "";
  const address = forwarded.split(",").at(-1)?.trim() || request.socket.remoteAddress || "";
  return address.replace(IPV4_MAPPED, "$1");
}

/**
 * RFC 9110 §15.6.2: 501 is the answer to a method the server supports for no resource at all,
 * where 405 would claim the method exists and needs an Allow header per resource. Under /scim/v2
 * the body is a SCIM error and the request gets its summary line, as every SCIM request does.
 */
function answerUnroutable(request, response, requestLog) {
  const started = performance.now();
  const method = request.method ?? "";
  const url = request.url ?? "/";
  const scim = SCIM_PATH.test(url);
  const body = scim
    ? JSON.stringify({
        schemas: [SCIM_ERROR],
        status: "501",
        detail: `${method} is not a method SCIM uses; send GET, POST, PUT, PATCH or DELETE`,
      })
    : `${method} is not a method this server supports.\n`;
  response.writeHead(501, {
    "Content-Type": scim ? "application/scim+json; charset=utf-8" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
  if (!scim) return;
  const path = url.split("?")[0];
  const duration_ms = Math.round((performance.now() - started) * 100) / 100;
  const user_agent = request.headers["user-agent"];
  requestLog.info({ method, path, status: 501, duration_ms, user_agent }, "scim.request");
}

/**
 * Serves the built app on `port` until SIGINT, SIGTERM or SIGHUP, then stops taking connections,
 * finishes the requests in flight and exits as a signalled process would, as `next start` does.
 */
async function serve(port, keepAliveMs) {
  process.env.NODE_ENV ||= "production";
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  // Next hands requests that ask to upgrade to a listener it adds to the server of the first
  // request it sees, unless given one: that listener ends the socket of a route and leaves any
  // other open for good. Roster serves no WebSocket, so such requests are answered as plain ones
  // (RFC 9110 §7.8), as Node does when the server has no listener.
  const app = next({ dev: false, dir: root, port, httpServer: new EventEmitter() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const requestLog = pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined });
  const isProxied = process.env.TRUST_PROXY === "1";
  const answering = new Set();
  let stopping = false;
  // A stop waits for every connection, and a kept-alive one would hold it for the keep-alive's
  // 65 s: once stopping, an answer not yet begun closes its connection, and any left idle goes.
  const closeAfterAnswer = (response) => {
    if (!response.headersSent) response.setHeader("Connection", "close");
  };
  const server = http.createServer((request, response) => {
    answering.add(response);
    response.once("close", () => {
      answering.delete(response);
      if (stopping) server.closeIdleConnections();
    });
    if (stopping) closeAfterAnswer(response);
    if (!ROUTABLE_METHODS.has(request.method ?? "")) {
      return answerUnroutable(request, response, requestLog);
    }
    request.headers["x-forwarded-for"] = clientAddress(request, isProxied);
    delete request.headers["x-real-ip"];
    return handle(request, response);
  });
  server.keepAliveTimeout = keepAliveMs;
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, resolve));
  console.log(`Roster listening on http://localhost:${port}`);

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    answering.forEach(closeAfterAnswer);
    server.close(async () => {
      await app.close().catch((error) => console.error(error));
      process.exit(EXIT_CODES[signal] ?? 128);
    });
  };
  for (const signal of Object.keys(EXIT_CODES)) process.on(signal, () => stop(signal));
}

const [port = process.env.PORT ?? "3000", keepAliveMs = "65000"] = process.argv.slice(2);
try {
  await serve(Number(port), Number(keepAliveMs));
} catch (error) {
  // A port in use, say: one line, as next start gave, rather than a trace of Next's internals.
  console.error(`Roster could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
