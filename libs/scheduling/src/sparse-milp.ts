/**
 * A mixed-integer linear program held as plain arrays, built column by column and row by row, and
 * handed to HiGHS as its structured model (CSR matrix). Minimisation; `offset` is a constant added
 * to the objective.
 */
export interface SparseMilp {
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  /** 1 = integer, 0 = continuous (HiGHS variable types). */
  integrality: (0 | 1)[];
  rowLower: number[];
  rowUpper: number[];
  /** CSR: row i holds entries rowStarts[i]..rowStarts[i+1]. */
  rowStarts: number[];
  colIndex: number[];
  values: number[];
  offset: number;
}

/** Accumulates a {@link SparseMilp}. O(1) per column and per entry. */
export class MilpBuilder {
  private readonly m: SparseMilp = { colCost: [], colLower: [], colUpper: [], integrality: [], rowLower: [], rowUpper: [], rowStarts: [0], colIndex: [], values: [], offset: 0 };

  /** Adds a column and returns its index. */
  col(cost: number, lower: number, upper: number, integer: boolean): number {
    this.m.colCost.push(cost);
    this.m.colLower.push(lower);
    this.m.colUpper.push(upper);
    this.m.integrality.push(integer ? 1 : 0);
    return this.m.colCost.length - 1;
  }

  /** Adds `lower ≤ Σ coef·col ≤ upper` (entries on the same column must not repeat). */
  row(cols: readonly number[], coefs: readonly number[], lower: number, upper: number): void {
    for (let i = 0; i < cols.length; i++) {
      this.m.colIndex.push(cols[i]!);
      this.m.values.push(coefs[i]!);
    }
    this.m.rowStarts.push(this.m.colIndex.length);
    this.m.rowLower.push(lower);
    this.m.rowUpper.push(upper);
  }

  addOffset(value: number): void {
    this.m.offset += value;
  }

  get columns(): number {
    return this.m.colCost.length;
  }

  build(): SparseMilp {
    return this.m;
  }
}

/** The same program with every integer column made continuous (its LP relaxation). O(columns). */
export function lpRelaxation(milp: SparseMilp): SparseMilp {
  return { ...milp, integrality: milp.integrality.map(() => 0) };
}
