import { ERROR } from "./urns";

/** RFC 7644 §3.12, Table 9: the scimType values a 400 (and a few other statuses) may carry. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** A protocol error that maps one-to-one onto a SCIM error response. */
export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimType | undefined;

  constructor(status: number, detail: string, scimType?: ScimType) {
    super(detail);
    this.name = "ScimError";
    this.status = status;
    this.scimType = scimType;
  }
}

export const badRequest = (scimType: ScimType, detail: string) =>
  new ScimError(400, detail, scimType);
export const notFound = (detail: string) => new ScimError(404, detail);
export const conflict = (detail: string) => new ScimError(409, detail, "uniqueness");

export type ScimErrorBody = {
  schemas: [typeof ERROR];
  status: string;
  scimType?: ScimType;
  detail: string;
};

export function toErrorBody(error: ScimError): ScimErrorBody {
  return {
    schemas: [ERROR],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
}
