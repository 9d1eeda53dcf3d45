import { generateCurl } from './curl.js';
import type { PreparedRequest } from './prepare.js';
import { generatePython } from './python.js';

/** A language the panel can show code in. */
export interface LanguageDefinition {
  /** The name shown on the language toggle. */
  readonly label: string;
  /** The Prism grammar that highlights the code. */
  readonly grammar: 'python' | 'bash';
  /** Writes a validated request as code. */
  readonly generate: (request: PreparedRequest) => string;
}

/** Every supported language, in the order the toggle shows them. */
export const languages = {
  python: { label: 'Python', grammar: 'python', generate: generatePython },
  curl: { label: 'cURL', grammar: 'bash', generate: generateCurl },
} as const satisfies Record<string, LanguageDefinition>;

/** The ID of a supported language. */
export type LanguageId = keyof typeof languages;

/** The language IDs in toggle order. */
export const languageIds = Object.keys(languages) as LanguageId[];
