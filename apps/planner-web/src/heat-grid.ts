import { localParts } from './time';

export interface PlanRow {
  queueId: string;
  hour: string;
  open: boolean;
  forecastMean: number;
  forecastPlanned: number;
  ahtSeconds: number;
  requiredAgents: number;
  rawAgents: number;
  scheduledAgents: number;
  rosteredAgents: number;
  gap: number;
  serviceLevel: number | null;
  abandonment: number | null;
  backlogEnd: number | null;
}

export interface HeatCell {
  date: string;
  hour: number;
  /** The plan hours that fall in this local hour: none in a spring-forward gap, two in a fall-back repeat. */
  rows: PlanRow[];
  /** Zone name of each row's instant (EDT, EST, …). */
  zoneNames: string[];
}

export interface HeatGrid {
  days: string[];
  /** cells[d][h] for day index d and local hour h. */
  cells: HeatCell[][];
  /** Largest |gap| of an open hour, for the colour scale (at least 1). */
  scale: number;
}

/**
 * The plan's hours laid on a local-day × local-hour grid of `zone`. Each UTC hour lands in exactly
 * one cell, so across a DST change a day has a missing or a doubled hour. O(rows).
 */
export function heatGrid(rows: readonly PlanRow[], zone: string): HeatGrid {
  const byDay = new Map<string, HeatCell[]>();
  let scale = 1;
  for (const row of rows) {
    const p = localParts(row.hour, zone);
    let day = byDay.get(p.date);
    if (!day) {
      day = Array.from({ length: 24 }, (_, hour) => ({ date: p.date, hour, rows: [], zoneNames: [] }));
      byDay.set(p.date, day);
    }
    day[p.hour]!.rows.push(row);
    day[p.hour]!.zoneNames.push(p.zoneName);
    if (row.open) scale = Math.max(scale, Math.abs(row.gap));
  }
  const days = [...byDay.keys()].sort();
  return { days, cells: days.map((d) => byDay.get(d)!), scale };
}

/** Sum of a cell's gaps (agents; negative is short). */
export const cellGap = (cell: HeatCell): number => cell.rows.reduce((s, r) => s + r.gap, 0);

/** Red for shortfall, blue for surplus, its strength the share of the grid's largest gap; grey when closed. */
export function cellColour(cell: HeatCell, scale: number): string {
  if (cell.rows.length === 0) return 'transparent';
  if (cell.rows.every((r) => !r.open)) return '#e5e7eb';
  const gap = cellGap(cell) / cell.rows.length;
  const t = Math.min(1, Math.abs(gap) / scale);
  if (Math.abs(gap) < 1e-9) return '#f8fafc';
  const alpha = (0.15 + 0.85 * t).toFixed(2);
  return gap < 0 ? `rgba(220, 38, 38, ${alpha})` : `rgba(37, 99, 235, ${alpha})`;
}
