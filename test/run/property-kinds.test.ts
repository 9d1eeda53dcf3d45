import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dotSequences,
  jsonTextArbitrary,
  nonAsciiUnit,
  requestTemplateArbitrary,
  shellSequences,
  unitsFrom,
  urlSequences,
} from '../fuzz/arbitraries';
import { findRuntimes } from '../fuzz/batch-runner';
import { assertTemplatesRun, type RunPropertyOptions } from '../fuzz/property-support';

const runtimes = findRuntimes();
const options: RunPropertyOptions = { numRuns: 5, maxBatch: 24, runtimes, timeLimitMs: 50_000 };
const printableAsciiUnit = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));

describe('requests with', () => {
  it('shell syntax in every field', async () => {
    const shellToken = shellSequences.filter((unit) => /^[\x21-\x7e]+$/.test(unit));
    const units = unitsFrom(fc.oneof(shellSequences, printableAsciiUnit), shellToken);

    const totals = await assertTemplatesRun(requestTemplateArbitrary({ units }), options);

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);

  it('URL syntax in the base path, workload ID, path and query', async () => {
    const units = unitsFrom(fc.oneof({ weight: 3, arbitrary: urlSequences }, printableAsciiUnit));

    const totals = await assertTemplatesRun(requestTemplateArbitrary({ units }), options);

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);

  it('characters to percent-encode in the URL', async () => {
    // Controls, spaces and non-ASCII characters, which the URL contains as UTF-8 percent escapes.
    const control = fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c));
    const units = unitsFrom(fc.oneof(control, nonAsciiUnit, fc.constantFrom(' ', '"', '<', '>')));

    const totals = await assertTemplatesRun(requestTemplateArbitrary({ units }), options);

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);

  it('dot segments that could leave the workload', async () => {
    // Every accepted request is checked to arrive under the Workload's prefix.
    const units = unitsFrom(dotSequences);

    const totals = await assertTemplatesRun(
      requestTemplateArbitrary({
        units,
        invalidWeights: { path: 10, workloadId: 10, basePath: 5 },
      }),
      options,
    );

    expect(totals.executed).toBeGreaterThan(0);
    expect(totals.rejected).toBeGreaterThan(0);
  }, 60_000);

  it('line breaks in header values and the token', async () => {
    // Each accepted request is checked to arrive without any header the request did not give.
    const totals = await assertTemplatesRun(
      requestTemplateArbitrary({ invalidWeight: 0, invalidWeights: { headers: 15, token: 15 } }),
      options,
    );

    expect(totals.executed).toBeGreaterThan(0);
    expect(totals.rejected).toBeGreaterThan(0);
  }, 60_000);

  it('empty, null, huge and big-number bodies', async () => {
    const totals = await assertTemplatesRun(
      requestTemplateArbitrary({ methods: ['POST'], hugeWeight: 15 }),
      { ...options, maxBatch: 12 },
    );

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);

  it('non-ASCII text in every field', async () => {
    const units = unitsFrom(nonAsciiUnit);

    const totals = await assertTemplatesRun(requestTemplateArbitrary({ units }), options);

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);

  it('JSON texts with unusual formatting', async () => {
    const templates = fc
      .tuple(requestTemplateArbitrary({ methods: ['POST'], invalidWeight: 0 }), jsonTextArbitrary())
      .map(([template, payload]) => ({ ...template, payload }));

    const totals = await assertTemplatesRun(templates, options);

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);
});
