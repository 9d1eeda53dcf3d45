import { Prism } from 'prism-react-renderer';

// prism-react-renderer bundles no shell grammar, and an unknown grammar renders as plain text
// without a warning. This grammar covers what the cURL generator writes: single- and
// double-quoted words, variables, options, line continuations and pipes. The module is listed
// in the package's sideEffects so that bundlers keep the registration.
Prism.languages.bash = {
  comment: { pattern: /(^|\s)#.*/, lookbehind: true, greedy: true },
  string: [
    { pattern: /'[^']*'/, greedy: true },
    {
      pattern: /"(?:\\[\s\S]|[^"\\])*"/,
      greedy: true,
      inside: { variable: /\$(?:\w+|\{[^}]*\})/ },
    },
  ],
  variable: /\$(?:\w+|\{[^}]*\})/,
  function: { pattern: /(^|[\s|;&])(?:curl|printf)(?=\s)/, lookbehind: true },
  parameter: { pattern: /(^|\s)--?[\w-]+/, lookbehind: true },
  operator: /\||&&|;|@-/,
  punctuation: /\\$/m,
  char: /\\./,
};
