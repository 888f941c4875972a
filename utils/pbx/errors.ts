/**
 * Failures a connector reports, by what the agent or the caller can do about them:
 * - `invalid_credentials`: wrong extension or password (retrying will not help);
 * - `unauthorized`: the session is gone, sign in again;
 * - `unreachable`: network or server down, retry later;
 * - `rejected`: the server refused this request (validation, not found, too large).
 */
export type PbxErrorCode = 'invalid_credentials' | 'unauthorized' | 'unreachable' | 'rejected';

export class PbxError extends Error {
  constructor(
    readonly code: PbxErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PbxError';
  }
}

export function isPbxError(error: unknown, code?: PbxErrorCode): error is PbxError {
  return error instanceof PbxError && (code === undefined || error.code === code);
}
