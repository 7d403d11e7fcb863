import { ScimError } from "../../errors";

/** Runs `run` and returns the ScimError it throws; anything else fails the test. */
export function catchScimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error("Expected a ScimError, but nothing was thrown");
}
