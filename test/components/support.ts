import { generateSnippet, type LanguageId, type SnippetRequest } from '../../src';

/** A token shaped like a real one, long and unusual enough to be found in any markup. */
export const testToken = 'tok_Zq9vX2mLr7TestSecret';

/** Props that locate a Workload and carry a token, so the panel renders without an error. */
export const workloadProps = {
  baseUrl: 'https://app.example.com',
  workloadId: '65f1c2a9e4b0d3a1f2c3d4e5',
  path: 'chat/completions',
  token: testToken,
} as const;

/** Returns the GET and POST code blocks, in the order the panel shows them. */
export function getCodeBlocks(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-slot="code-block"]'));
}

/** Returns the text of each code block, GET first. */
export function getCodeTexts(container: HTMLElement): string[] {
  return getCodeBlocks(container).map((block) => block.textContent ?? '');
}

/** Generates the GET and POST examples with the snippet module, independently of the panel. */
export function generateScripts(
  request: Omit<SnippetRequest, 'method'>,
  language: LanguageId,
  showSecrets: boolean,
): { GET: string; POST: string } {
  return {
    GET: generateSnippet({ ...request, method: 'GET' }, language, { showSecrets }),
    POST: generateSnippet({ ...request, method: 'POST' }, language, { showSecrets }),
  };
}
