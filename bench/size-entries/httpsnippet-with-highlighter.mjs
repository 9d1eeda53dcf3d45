export { generate } from './httpsnippet.mjs';
export { SyntaxHighlighter, theme } from './syntax-highlighter.mjs';
