import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  /** Draw as the lower edge of a band filled up to the series `bandWith` (by label). */
  bandWith?: string;
  width?: number;
  /** Draw as bars (counts per period) instead of a line. */
  bars?: boolean;
}

export interface ChartMarker {
  fromMs: number;
  toMs: number;
  label: string;
  color: string;
}

export interface ChartProps {
  title: string;
  /** Hour starts, epoch ms. */
  xMs: readonly number[];
  series: readonly ChartSeries[];
  /** The IANA zone the time axis is drawn in. */
  zone: string;
  markers?: readonly ChartMarker[];
  yLabel: string;
  /** The x axis' label; the zone's local time by default. */
  xLabel?: string;
  height?: number;
  testId: string;
}

/** A uPlot time chart with its axis in `zone`, an optional band and shaded marker windows. */
export function TimeChart({ title, xMs, series, zone, markers = [], yLabel, xLabel, height = 260, testId }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const labels = series.map((s) => s.label);
    const bands = series.flatMap((s, i) => (s.bandWith ? [{ series: [labels.indexOf(s.bandWith) + 1, i + 1] as [number, number], fill: 'rgba(37, 99, 235, 0.14)' }] : []));
    const drawMarkers = (u: uPlot) => {
      const { ctx } = u;
      const { top, height: h } = u.bbox;
      ctx.save();
      for (const m of markers) {
        const x0 = u.valToPos(m.fromMs / 1000, 'x', true);
        const x1 = u.valToPos(m.toMs / 1000, 'x', true);
        if (x1 < u.bbox.left || x0 > u.bbox.left + u.bbox.width) continue;
        ctx.fillStyle = m.color;
        ctx.fillRect(Math.max(x0, u.bbox.left), top, Math.max(2, Math.min(x1, u.bbox.left + u.bbox.width) - Math.max(x0, u.bbox.left)), h);
      }
      ctx.restore();
    };
    const opts: uPlot.Options = {
      title,
      width: Math.max(320, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
      scales: { x: { time: true } },
      axes: [{ label: xLabel ?? `Local time (${zone})` }, { label: yLabel, size: 72 }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: s.width ?? 1.5, ...(s.dash ? { dash: s.dash } : {}), ...(s.bars ? { paths: uPlot.paths.bars!({ size: [0.5, 40] }), fill: s.color } : {}), points: { show: false } }))],
      bands,
      hooks: { drawClear: [drawMarkers] },
    };
    const data = [xMs.map((ms) => ms / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const resize = () => plot.setSize({ width: Math.max(320, el.clientWidth), height });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [title, xMs, series, zone, markers, yLabel, xLabel, height]);
  return <div class="chart" ref={host} data-testid={testId} role="img" aria-label={`${title}; the numbers are in the table below`} />;
}
