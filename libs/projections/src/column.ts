/**
 * A growable column of numbers backed by a Float64Array (doubling on growth), so millions of
 * ticket facts cost 8 bytes per value instead of a JS object each. Append-only: that is what lets
 * the runner persist only what was appended since its last commit. push is amortised O(1).
 *
 * @example const c = new Column(); c.push(3); c.get(0) // 3
 */
export class Column {
  private data: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  /** A copy of the values [from, to) (for serialisation). */
  slice(from: number, to = this.length): Float64Array {
    return this.data.slice(from, to);
  }

  /** Appends every value of `values`. O(values). */
  pushAll(values: Float64Array): void {
    while (this.length + values.length > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
}
