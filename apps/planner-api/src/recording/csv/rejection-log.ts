/** A rejected row as the import report lists it. */
export interface RejectedRow {
  line: number;
  column?: string;
  reason: string;
}

/**
 * Counts every rejected row and lists the first `maxListed` by line. Rejections arrive out of
 * line order (a chunk's parse before the previous chunk's decisions), so the list is trimmed now
 * and then to stay bounded. Memory O(maxListed).
 */
export class RejectionLog {
  count = 0;
  private readonly rows: RejectedRow[] = [];

  constructor(private readonly maxListed: number) {}

  reject(line: number, reason: string, column?: string): void {
    this.count++;
    this.rows.push(column ? { line, column, reason } : { line, reason });
    if (this.rows.length >= 2 * this.maxListed + 1) this.trim();
  }

  /** The first rejections by line, at most `maxListed`. */
  listed(): RejectedRow[] {
    this.trim();
    return [...this.rows];
  }

  private trim(): void {
    this.rows.sort((a, b) => a.line - b.line);
    this.rows.length = Math.min(this.rows.length, this.maxListed);
  }
}
