/** Errors that reach the user as one line, never as a stack trace (handled in cli.ts). */

/** Bad usage or bad input: one line on stderr, exit 2, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Our own content (the built-in bank, the checklist) cannot be read: a runtime failure, exit 1. */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}
