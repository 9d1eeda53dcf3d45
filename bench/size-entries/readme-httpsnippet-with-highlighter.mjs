export { generate } from './readme-httpsnippet.mjs';
export { SyntaxHighlighter, theme } from './syntax-highlighter.mjs';
