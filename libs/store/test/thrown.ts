import { isMainlineError, type MainlineError } from '@mainline/core';

/** The MainlineError `fn` throws; anything else it throws, or nothing, fails the test. */
export function thrown(fn: () => unknown): MainlineError {
  try {
    fn();
  } catch (error) {
    if (isMainlineError(error)) return error;
    throw error;
  }
  throw new Error('expected a MainlineError');
}
