// The part of prism-react-renderer that src/components/code-block.tsx and prism-bash.ts import.
export { Highlight, Prism } from 'prism-react-renderer';
