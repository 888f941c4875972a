import type { ZodError } from 'zod';

/** The contract's error codes; every error body is {"error": {code, message, field?}}. */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'upgrade_required'
  | 'opted_out'
  | 'no_outbound_route'
  | 'internal';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 426 | 500;

/** Thrown anywhere in a request; the app's onError turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get body() {
    return errorBody(this.code, this.message, this.field);
  }
}

export function errorBody(code: ErrorCode, message: string, field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

export const invalidField = (field: string, message: string) => new ApiError(400, 'invalid_request', message, field);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const unauthorized = (message = 'missing, invalid or expired access token') =>
  new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
/** The request is valid but the state moved on (claimed by someone else, conversation closed). */
export const conflict = (message: string) => new ApiError(409, 'conflict', message);

/** First zod issue -> 400 naming its dotted path ("body", "customerNumber", "items.0.name"). */
export function fromZodError(error: ZodError, target: string): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : target;
  const message = issue ? `${field}: ${issue.message}` : 'invalid request';
  return invalidField(field, message);
}
