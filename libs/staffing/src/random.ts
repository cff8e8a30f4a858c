/**
 * A source of uniform random numbers in [0, 1). Simulation code takes one as a parameter and never
 * calls Math.random, so every run is reproducible from its seed.
 */
export interface Random {
  next(): number;
}

/**
 * A seeded pseudo-random generator: sfc32 (the Small Fast Counting generator from the PractRand
 * suite, 128-bit state), its state filled from the seed by a splitmix32-style mixer.
 * 32 bits of randomness per draw. O(1) per draw. The same seed always yields the same sequence.
 *
 * @example const r = seededRandom(42); r.next() // same value on every machine
 */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // let the state mix before use
  return { next };
}
