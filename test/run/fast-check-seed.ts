import fc from 'fast-check';

/**
 * Fixes the property tests' seed in `npm test`, so that a run fails only when the code changed.
 * `npm run fuzz` uses a new seed each time, and FAST_CHECK_SEED picks one to replay.
 */
fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_204) });
