/** Errors as people read them. */

/** The message of `error`, never a stack. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
