/** Prefix of better-auth's cookies, so they read `roster.session_token`. */
export const COOKIE_PREFIX = "roster";

/** Request header the proxy sets to the page's path, so sign-in can lead back to it. */
export const PATH_HEADER = "x-roster-path";
