import { initSync, MSTL } from '@bsull/augurs/mstl';

let initialised = false;

/**
 * Instantiates the MSTL WebAssembly module of @bsull/augurs from its bytes (`mstl_bg.wasm`, shipped
 * next to `@bsull/augurs/mstl`). The host reads the file, because this library does no I/O; call it
 * once per process before {@link mstlEts}. Idempotent.
 */
export function initMstl(wasm: Uint8Array | ArrayBuffer): void {
  if (initialised) return;
  initSync({ module: wasm });
  initialised = true;
}

/** Whether {@link initMstl} has run in this process. */
export function isMstlReady(): boolean {
  return initialised;
}

/**
 * MSTL decomposition (Bandara, Hyndman & Bergmeir 2021: STL applied for each period in turn) with an
 * automatically selected ETS model forecasting the seasonally adjusted remainder; the seasonal
 * components are carried forward. Computed by @bsull/augurs (WebAssembly).
 *
 * Units: those of `y`. `y` must be finite (impute gaps first) and hold at least two of the longest
 * period. Complexity: about O(n·|periods|) for the decomposition plus the ETS search; ~50 ms for
 * 960 hourly values with periods [24, 168] on one core.
 *
 * @example mstlEts(loadLog, 48, [24, 168])
 */
export function mstlEts(y: ArrayLike<number>, horizon: number, periods: readonly number[]): number[] {
  if (!initialised) throw new Error('mstlEts: call initMstl(wasmBytes) once before forecasting');
  const model = MSTL.ets(Uint32Array.from(periods));
  try {
    model.fit(Float64Array.from(y));
    return model.predict(horizon).point;
  } finally {
    model.free();
  }
}
