import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import { getDb } from "@/db/client";
import { authAccounts, authSessions, authUsers, authVerifications } from "@/db/schema";
import { log } from "@/lib/log";
import { COOKIE_PREFIX } from "./constants";
import { recordSignIn, type SignInOutcome } from "./record-sign-in";
import { authSecret } from "./secret";

const SESSION_DAYS = 7;
const SIGN_IN_WINDOW_SECONDS = 60;
const SIGN_IN_ATTEMPTS_MAX = 10;

const access = createAccessControl(defaultStatements);
const noAccountPowers = access.newRole({ user: [], session: [] });

/**
 * Roles as better-auth's admin plugin knows them. Roster itself checks roles in `requireRole`;
 * the plugin is only reached from the server, after that check.
 */
const pluginRoles = {
  admin: access.newRole({
    user: ["create", "list", "set-role", "ban", "delete", "set-password", "get", "update"],
    session: ["list", "revoke", "delete"],
  }),
  compliance: noAccountPowers,
  viewer: noAccountPowers,
};

/**
 * Without PUBLIC_URL, sign-in is accepted from pages of the host the browser is talking to;
 * under `next start` the request URL names the socket, so it cannot serve as the origin.
 */
function sameHostOrigins(request?: Request): string[] {
  const host = request?.headers.get("host");
  return host ? [`http://${host}`, `https://${host}`] : [];
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The server sets X-Forwarded-For to the one client address (scripts/server.mjs). */
function signInOutcome(ctx: HookContext): SignInOutcome {
  const ip = ctx.headers?.get("x-forwarded-for") ?? null;
  const signedIn = ctx.context.newSession;
  if (signedIn) {
    return { isSuccess: true, account: { id: signedIn.user.id, email: signedIn.user.email }, ip };
  }
  const returned: unknown = ctx.context.returned;
  const reason = isAPIError(returned) ? (returned.body?.code ?? returned.status) : "UNKNOWN";
  const body: unknown = ctx.body;
  const email = typeof body === "object" && body !== null && "email" in body ? body.email : null;
  return { isSuccess: false, email, reason: String(reason), ip };
}

/** An attempt that could not be audited is logged, not refused: the sign-in itself stands. */
const auditSignIns = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  try {
    recordSignIn(getDb(), signInOutcome(ctx));
  } catch (error) {
    log.error({ err: error }, "audit.sign_in_not_recorded");
  }
});

function createAuth() {
  const publicUrl = process.env.PUBLIC_URL || process.env.BETTER_AUTH_URL || undefined;
  return betterAuth({
    appName: "Roster",
    baseURL: publicUrl,
    secret: authSecret(),
    trustedOrigins: sameHostOrigins,
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: SIGN_IN_ATTEMPTS_MAX },
      },
    },
    // Secure cookies need https end to end; PUBLIC_URL says whether that is so.
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
    },
    hooks: { after: auditSignIns },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => {
        // Without PUBLIC_URL the origin comes from each request on purpose; see the README.
        if (message.includes("Base URL is not set")) return;
        log[level]({ auth_message: message }, "auth library");
      },
    },
    plugins: [
      admin({ ac: access, roles: pluginRoles, defaultRole: "viewer", adminRoles: ["admin"] }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { rosterAuth?: Auth };

/** The better-auth instance, built on first use so that importing this opens no database. */
export function getAuth(): Auth {
  globalForAuth.rosterAuth ??= createAuth();
  return globalForAuth.rosterAuth;
}
