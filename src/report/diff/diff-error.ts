/** A diff that cannot be made (unknown environment, invalid file, not a git repository, unknown ref): exit code 2. */
export class DiffError extends Error {
  override name = 'DiffError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
