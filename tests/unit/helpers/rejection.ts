import { expect } from 'vitest';
import { AppError } from '../../../shared/errors/index';

/** The AppError a promise rejects with (fails the test if it resolves, or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
