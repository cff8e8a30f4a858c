import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SparseMilp } from './sparse-milp.js';

/** What HiGHS reports for one solve. */
export interface MilpResult {
  /** HiGHS model status name (`optimal`, `timeLimit`, `infeasible`, …). */
  status: string;
  /** Column values of the best solution found, or null when HiGHS has none. */
  colValue: Float64Array | null;
  /** Objective of that solution (offset included), or null. */
  objective: number | null;
  /** Best proven lower bound on the objective (MIP dual bound; the LP optimum for an LP), or null. */
  lowerBound: number | null;
  /** (objective − bound) / |objective| as HiGHS reports it, or null. */
  mipGap: number | null;
  /** HiGHS run time, seconds. */
  seconds: number;
}

export interface MilpOptions {
  timeLimitSeconds: number;
  /** Stop once the relative MIP gap is at most this. */
  mipRelGap: number;
  /** A feasible solution to start from (every column), e.g. the greedy schedule's. */
  start?: ArrayLike<number>;
}

const highsPath = createRequire(import.meta.url).resolve('highs');

/**
 * The worker's source (CommonJS, run with `eval`): loads HiGHS, passes the model as a CSR matrix,
 * runs with the time limit and gap, and posts back the status, solution and MIP information.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.highsPath)().then((highs) => {
  const m = workerData.model;
  const model = highs.createModel();
  try {
    model.passModel({
      numCols: m.colCost.length, numRows: m.rowLower.length, offset: m.offset,
      colCost: m.colCost, colLower: m.colLower, colUpper: m.colUpper, rowLower: m.rowLower, rowUpper: m.rowUpper,
      integrality: m.integrality,
      matrix: { format: 'csr', numRows: m.rowLower.length, numCols: m.colCost.length, starts: m.rowStarts, indices: m.colIndex, values: m.values },
    });
    model.options.set({ output_flag: false, time_limit: workerData.timeLimit, mip_rel_gap: workerData.gap });
    if (workerData.start) model.setSolution({ colValue: workerData.start });
    const run = model.run();
    const names = Object.entries(highs.constants.modelStatus);
    const status = (names.find(([, code]) => code === run.modelStatus) || ['unknown'])[0];
    const info = (name) => { try { const v = Number(model.info.get(name)); return Number.isFinite(v) ? v : null; } catch { return null; } };
    const hasSolution = info('primal_solution_status') === 2;
    const mip = m.integrality.some((t) => t !== 0);
    const objective = hasSolution ? model.getObjectiveValue() : null;
    const bound = mip ? info('mip_dual_bound') : status === 'optimal' ? objective : null;
    parentPort.postMessage({ status, colValue: hasSolution ? model.getSolution().colValue : null, objective, lowerBound: bound, mipGap: mip ? info('mip_gap') : status === 'optimal' ? 0 : null, seconds: model.getRunTime() });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  } finally {
    model.dispose();
  }
});
`;

/**
 * Solves a MILP with HiGHS (WebAssembly) on a worker thread of its own, so the calling thread
 * stays responsive; the time limit bounds the solve. Rejects when HiGHS fails to load the model.
 *
 * @example await solveOnWorker(milp, { timeLimitSeconds: 10, mipRelGap: 0.01 }) // { status: 'optimal', colValue, objective, lowerBound, mipGap, seconds }
 */
export function solveOnWorker(milp: SparseMilp, options: MilpOptions): Promise<MilpResult> {
  // No decision at all (nobody can work any shift): the answer is the constant.
  if (milp.colCost.length === 0) return Promise.resolve({ status: 'empty', colValue: new Float64Array(0), objective: milp.offset, lowerBound: milp.offset, mipGap: 0, seconds: 0 });
  const model = {
    colCost: Float64Array.from(milp.colCost),
    colLower: Float64Array.from(milp.colLower),
    colUpper: Float64Array.from(milp.colUpper),
    integrality: Int32Array.from(milp.integrality),
    rowLower: Float64Array.from(milp.rowLower),
    rowUpper: Float64Array.from(milp.rowUpper),
    rowStarts: Int32Array.from(milp.rowStarts),
    colIndex: Int32Array.from(milp.colIndex),
    values: Float64Array.from(milp.values),
    offset: milp.offset,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { highsPath, model, timeLimit: options.timeLimitSeconds, gap: options.mipRelGap, start: options.start ? Float64Array.from(options.start) : null } });
    worker.once('message', (message: MilpResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(`HiGHS: ${message.error}`));
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`HiGHS worker exited with code ${code}`));
    });
  });
}
