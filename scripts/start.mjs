// `npm start`: build when the build is missing or older than the sources, migrate, then serve.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serverCommand } from "./server-command.mjs";

const SOURCE_DIRS = ["app", "components", "lib", "db"];
const SOURCE_FILES = ["next.config.ts", "package.json", "package-lock.json", "tsconfig.json"];
const BUILD_ID = path.join(".next", "BUILD_ID");

function newestSourceMs() {
  let newest = 0;
  const visit = (entry) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach(visit);
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const build = fs.statSync(BUILD_ID, { throwIfNoEntry: false });
if (!build || build.mtimeMs < newestSourceMs()) run("npx", ["next", "build"]);
run("npx", ["tsx", "lib/cli/main.ts", "migrate"]);
const server = serverCommand(process.cwd(), process.env.PORT ?? "3000");
// A stop sent to `npm start` (Ctrl-C, `docker stop`) must reach the server, which then finishes
// its requests and writes what it still holds before it exits; this process exits as it did.
const child = spawn(server.command, server.args, { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
