import { cellColour, heatGrid, type PlanRow } from './heat-grid';
import { localParts } from './time';

const row = (hour: string, gap: number, open = true): PlanRow => ({
  queueId: 'q',
  hour,
  open,
  forecastMean: 0,
  forecastPlanned: 0,
  ahtSeconds: 0,
  requiredAgents: 0,
  rawAgents: 0,
  scheduledAgents: 0,
  rosteredAgents: 0,
  gap,
  serviceLevel: null,
  abandonment: null,
  backlogEnd: null,
});
const hours = (fromIso: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(fromIso) + i * 3_600_000).toISOString());

describe('heatGrid', () => {
  it('given New York hours across the November DST change, when laid out, then 1 November has 25 hours and 01:00 twice', () => {
    const grid = heatGrid(hours('2026-10-31T04:00:00Z', 72).map((h) => row(h, 1)), 'America/New_York');
    expect(grid.days).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    const nov1 = grid.cells[1]!;
    expect(nov1.reduce((s, c) => s + c.rows.length, 0)).toBe(25);
    expect(nov1[1]!.rows.map((r) => r.hour)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(nov1[1]!.zoneNames).toEqual(['EDT', 'EST']);
    expect(grid.cells[0]![9]!.rows.map((r) => r.hour)).toEqual(['2026-10-31T13:00:00.000Z']);
    expect(grid.cells[2]![9]!.rows.map((r) => r.hour)).toEqual(['2026-11-02T14:00:00.000Z']);
  });

  it('given Sydney hours across the October DST start, when laid out, then 02:00 on 4 October is missing', () => {
    const grid = heatGrid(hours('2026-10-03T14:00:00Z', 24).map((h) => row(h, 1)), 'Australia/Sydney');
    const oct4 = grid.cells[grid.days.indexOf('2026-10-04')]!;
    expect(oct4[2]!.rows).toEqual([]);
    expect(oct4.reduce((s, c) => s + c.rows.length, 0)).toBe(23);
  });

  it('given every hour, when laid out, then each lands in the cell of its own local date and hour', () => {
    const rows = hours('2026-03-01T00:00:00Z', 24 * 40).map((h, i) => row(h, (i % 7) - 3));
    const grid = heatGrid(rows, 'America/New_York');
    expect(grid.cells.flat().reduce((s, c) => s + c.rows.length, 0)).toBe(rows.length);
    for (const cell of grid.cells.flat()) for (const r of cell.rows) expect(localParts(r.hour, 'America/New_York')).toMatchObject({ date: cell.date, hour: cell.hour });
    expect(grid.scale).toBe(3);
  });
});

describe('cellColour', () => {
  const cell = (gaps: number[], open = true) => ({ date: 'd', hour: 0, rows: gaps.map((g) => row('2026-01-01T00:00:00Z', g, open)), zoneNames: [] });
  it('colours shortfall red, surplus blue, closed grey and an absent hour not at all', () => {
    expect(cellColour(cell([-2]), 2)).toBe('rgba(220, 38, 38, 1.00)');
    expect(cellColour(cell([1]), 2)).toBe('rgba(37, 99, 235, 0.57)');
    expect(cellColour(cell([1], false), 2)).toBe('#e5e7eb');
    expect(cellColour(cell([]), 2)).toBe('transparent');
  });
});
