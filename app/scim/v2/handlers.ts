import { handleScimRequest } from "@/lib/scim-http/handle-scim-request";

// Every SCIM route answers every method the same way; the handler reads the path itself.
export const GET = handleScimRequest;
export const POST = handleScimRequest;
export const PUT = handleScimRequest;
export const PATCH = handleScimRequest;
export const DELETE = handleScimRequest;
export const HEAD = handleScimRequest;
export const OPTIONS = handleScimRequest;
