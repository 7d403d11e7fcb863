import { publicOrigin } from "@/lib/http/public-origin";

export { publicOrigin };

export const scimBaseUrl = (request: Request) => `${publicOrigin(request)}/scim/v2`;
