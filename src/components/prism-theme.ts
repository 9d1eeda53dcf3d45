import type { PrismTheme } from 'prism-react-renderer';

/** Reads the stylesheet's value, then the host's property when no stylesheet is loaded. */
function colour(name: string, fallback: string): string {
  return `var(--_ip-${name}, var(--inference-panel-${name}, ${fallback}))`;
}

/**
 * A Prism theme whose colours are CSS custom properties, so that the stylesheet's light and dark
 * defaults, or a host's own values, apply without a new theme object.
 */
export const panelPrismTheme: PrismTheme = {
  plain: {
    color: colour('code-foreground', '#1f2328'),
    backgroundColor: colour('code-background', '#f6f8fa'),
  },
  styles: [
    {
      types: ['comment'],
      style: { color: colour('token-comment', '#59636e'), fontStyle: 'italic' },
    },
    { types: ['string', 'char'], style: { color: colour('token-string', '#0a3069') } },
    { types: ['number', 'boolean'], style: { color: colour('token-number', '#0550ae') } },
    { types: ['keyword', 'builtin'], style: { color: colour('token-keyword', '#cf222e') } },
    { types: ['function', 'class-name'], style: { color: colour('token-function', '#6639ba') } },
    { types: ['parameter', 'property'], style: { color: colour('token-parameter', '#953800') } },
    { types: ['variable'], style: { color: colour('token-variable', '#116329') } },
    {
      types: ['operator', 'punctuation'],
      style: { color: colour('token-punctuation', '#1f2328') },
    },
  ],
};
