import fc from 'fast-check';
import { selectByOutOfSample, type BacktestedCandidate } from './selection.js';

const H = 4;
const flat = (v: number) => new Array<number>(H).fill(v);

describe('selectByOutOfSample', () => {
  it('given a method that was best only before the scored origins, when its weights are scored out of sample, then the simple estimator is published', () => {
    // Given actuals of 10 at every origin, a method right at origin 0 only and a simple estimator off by 1 everywhere,
    const actuals = [flat(10), flat(10), flat(10), flat(10)];
    const lucky: BacktestedCandidate = { name: 'lucky', simple: false, runs: [flat(10), flat(20), flat(20), flat(20)] };
    const steady: BacktestedCandidate = { name: 'steady', simple: true, runs: [flat(11), flat(11), flat(11), flat(11)] };
    // when the candidates are selected,
    const s = selectByOutOfSample({ candidates: [lucky, steady], actuals, weightPower: 4, rule: 'weighted' });
    // then origins 1–3 score the choice, the lucky method's weight from origin 0 does not carry it, and the simple one wins.
    expect(s.scoredOrigins).toEqual([1, 2, 3]);
    expect([...s.weights]).toEqual([['steady', 1]]);
    expect(s.wape).toBeCloseTo(0.1, 12);
    expect(s.baseline).toEqual({ name: 'steady', wape: s.wape });
    expect(s.combinationShare).toBeNull();
  });

  it('given a method consistently better than the simple estimators, then the combination is published with its out-of-sample error', () => {
    // Given a method off by 1 and two simple estimators off by 2 and 3 at every origin,
    const actuals = [flat(10), flat(10), flat(10)];
    const good: BacktestedCandidate = { name: 'good', simple: false, runs: [flat(11), flat(11), flat(11)] };
    const mean4: BacktestedCandidate = { name: 'mean-4w', simple: true, runs: [flat(12), flat(12), flat(12)] };
    const median4: BacktestedCandidate = { name: 'median-4w', simple: true, runs: [flat(13), flat(13), flat(13)] };
    const s = selectByOutOfSample({ candidates: [good, mean4, median4], actuals, weightPower: 4, rule: 'weighted' });
    // then the whole weight of the combination goes in (share 1), and the weights are inverse-MAE⁴: 1 : 2⁻⁴ : 3⁻⁴.
    expect(s.combinationShare).toBe(1);
    const raw = [1, 2 ** -4, 3 ** -4];
    const total = raw.reduce((a, b) => a + b, 0);
    expect(s.weights.get('good')).toBeCloseTo(raw[0]! / total, 12);
    expect(s.weights.get('mean-4w')).toBeCloseTo(raw[1]! / total, 12);
    expect(s.weights.get('median-4w')).toBeCloseTo(raw[2]! / total, 12);
    expect(s.baseline).toEqual({ name: 'mean-4w', wape: 0.2 });
    expect(s.wape!).toBeLessThan(0.2);
  });

  it('given a single origin, then the best simple estimator on it is published, there being no out-of-sample evidence', () => {
    const actuals = [flat(10)];
    const s = selectByOutOfSample({
      candidates: [
        { name: 'complex', simple: false, runs: [flat(10)] },
        { name: 'a', simple: true, runs: [flat(13)] },
        { name: 'b', simple: true, runs: [flat(9)] },
      ],
      actuals,
      weightPower: 4,
      rule: 'weighted',
    });
    expect([...s.weights]).toEqual([['b', 1]]);
    expect(s.scoredOrigins).toEqual([0]);
    expect(s.wape).toBeCloseTo(0.1, 12);
  });

  const scenario = fc
    .record({ origins: fc.integer({ min: 1, max: 6 }), methods: fc.integer({ min: 1, max: 4 }), simple: fc.integer({ min: 1, max: 3 }) })
    .chain(({ origins, methods, simple }) => {
      const run = fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: H, maxLength: H }), { minLength: origins, maxLength: origins });
      return fc.record({
        actuals: fc.array(fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Number.NaN)), { minLength: H, maxLength: H }), {
          minLength: origins,
          maxLength: origins,
        }),
        complex: fc.array(run, { minLength: methods, maxLength: methods }),
        simple: fc.array(run, { minLength: simple, maxLength: simple }),
        rule: fc.constantFrom('weighted' as const, 'best' as const),
      });
    });

  it('never publishes a procedure whose error on the scored origins exceeds the best simple estimator\'s (property, tolerance 1e-9)', () => {
    fc.assert(
      fc.property(scenario, ({ actuals, complex, simple, rule }) => {
        const candidates = [
          ...complex.map((runs, i) => ({ name: `m${i}`, simple: false, runs })),
          ...simple.map((runs, i) => ({ name: `s${i}`, simple: true, runs })),
        ];
        const s = selectByOutOfSample({ candidates, actuals, weightPower: 4, rule });
        const total = [...s.weights.values()].reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
        if (s.wape === null || s.baseline?.wape == null) return;
        expect(s.wape).toBeLessThanOrEqual(s.baseline.wape + 1e-9);
      }),
    );
  });

  it('forecasts each scored origin from the evidence of earlier origins only (property)', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 100, noNaN: true }), ({ actuals, complex }, changed) => {
        fc.pre(actuals.length >= 2);
        // Without a simple estimator the procedure is fixed, so only the evidence can move its forecasts.
        const candidates = complex.map((runs, i) => ({ name: `m${i}`, simple: false, runs }));
        const before = selectByOutOfSample({ candidates, actuals, weightPower: 4, rule: 'weighted' });
        const last = actuals.length - 1;
        const altered = actuals.map((a, o) => (o === last ? a.map(() => changed) : a));
        const after = selectByOutOfSample({ candidates, actuals: altered, weightPower: 4, rule: 'weighted' });
        expect(after.forecasts[after.forecasts.length - 1]).toEqual(before.forecasts[before.forecasts.length - 1]);
      }),
    );
  });
});
