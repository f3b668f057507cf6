import { AppFailure, type AppError } from '../../src/shared/errors';

/** The typed error a call fails with (thrown or rejected); fails the test if it succeeds or fails otherwise. */
export async function appErrorOf(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppFailure) return e.error;
    throw e;
  }
  throw new Error('expected an AppFailure');
}
