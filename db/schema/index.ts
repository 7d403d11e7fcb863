export * from "./directories";
export * from "./group-members";
export * from "./groups";
export * from "./tokens";
export * from "./user-emails";
export * from "./users";
export * from "./sync-events";
export * from "./sync-requests";
