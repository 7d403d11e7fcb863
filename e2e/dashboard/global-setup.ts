import { startServer } from "../support/server";

/** One server for the run; its address reaches the tests through the environment. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.ROSTER_BASE_URL = server.baseUrl;
  process.env.ROSTER_DATABASE_PATH = server.databasePath;
  return async () => {
    await server.stop();
  };
}
