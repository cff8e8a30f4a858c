import { Column } from './column.js';
import { ticketSpan } from './ticket-span.js';

const model = (values: number[]) => {
  const createdMs = new Column();
  for (const v of values) createdMs.push(v);
  return { tickets: { key: new Column(), createdMs } };
};

describe('ticketSpan', () => {
  it('given no tickets, when spanned, then there is no span', () => {
    expect(ticketSpan(model([]))).toBeUndefined();
  });

  it('given tickets recorded out of creation order, when spanned, then it gives the earliest and latest creation', () => {
    expect(ticketSpan(model([5_000, 1_000, 9_000, 3_000]))).toEqual({ firstMs: 1_000, lastMs: 9_000 });
  });
});
