import { SnippetInputError } from '../../src/snippets';

/**
 * Runs `action` and returns the SnippetInputError it throws. Any other error passes through, and
 * no error at all fails the test.
 */
export function catchInputError(action: () => unknown): SnippetInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof SnippetInputError) return error;
    throw error;
  }
  throw new Error('Expected a SnippetInputError, but nothing was thrown.');
}
