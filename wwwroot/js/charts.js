// Charts of the AbsoluteZero UI on uPlot (wwwroot/lib/uplot, installed by scripts/web-assets; see docs/ui.md).
// The .NET side (Components/Charts/UPlotChart.razor) owns the data; this module draws it, appends live points
// without touching a zoom the user made, and stacks series for stacked bars. Each chart's container carries
// data-points (points drawn per series) so tests and people can see it grow.
const charts = new Map();
let nextId = 1;

export function create(element, spec, data) {
    const id = nextId++;
    const chart = { element, spec, raw: normalise(data), zoomed: false, plot: null };
    chart.plot = new uPlot(options(chart), columns(chart), element);
    chart.resize = new ResizeObserver(() => chart.plot.setSize(size(chart)));
    chart.resize.observe(element);
    element.addEventListener("dblclick", () => { chart.zoomed = false; });
    mark(chart);
    charts.set(id, chart);
    return id;
}

export function setData(id, data) {
    const chart = charts.get(id);
    if (!chart) return;
    chart.raw = normalise(data);
    redraw(chart);
}

// One new x with one value per series (null where a series has none).
export function append(id, x, values) {
    const chart = charts.get(id);
    if (!chart) return;
    const raw = chart.raw;
    const last = raw.x.length - 1;
    if (last >= 0 && raw.x[last] === x) {
        values.forEach((v, i) => { if (v !== null) raw.y[i][last] = v; });
    } else if (last < 0 || x > raw.x[last]) {
        raw.x.push(x);
        values.forEach((v, i) => raw.y[i].push(v));
    } else {
        return; // an older point than what is drawn: the next full load brings it
    }
    redraw(chart);
}

export function destroy(id) {
    const chart = charts.get(id);
    if (!chart) return;
    chart.resize.disconnect();
    chart.plot.destroy();
    charts.delete(id);
}

function normalise(data) {
    return { x: Array.from(data.x), y: data.y.map(s => Array.from(s)) };
}

function redraw(chart) {
    // resetScales only when the user has not zoomed: a live append must not throw their zoom away.
    chart.plot.setData(columns(chart), !chart.zoomed);
    mark(chart);
}

function mark(chart) {
    chart.element.dataset.points = String(chart.raw.x.length);
}

function size(chart) {
    return { width: Math.max(200, chart.element.clientWidth), height: chart.spec.height || 220 };
}

// uPlot draws series in order and fills bars from zero, so stacked bars are drawn as running totals, largest first;
// the legend and the cursor still show each stage's own value.
function columns(chart) {
    const { x, y } = chart.raw;
    if (!chart.spec.stacked) return [x, ...y];
    const totals = [];
    let running = x.map(() => 0);
    for (const s of y) {
        running = running.map((t, i) => t + (s[i] ?? 0));
        totals.push(running);
    }
    return [x, ...totals.reverse()];
}

function options(chart) {
    const spec = chart.spec;
    const stackedCount = spec.series.length;
    const order = spec.stacked ? spec.series.map((_, i) => stackedCount - 1 - i) : spec.series.map((_, i) => i);
    const bars = spec.stacked ? uPlot.paths.bars({ size: [0.8, 40], gap: 1 }) : null;
    const series = [{ label: spec.xLabel || (spec.time ? "time" : "step"), value: spec.time ? undefined : (u, v) => v ?? "—" }];
    for (const index of order) {
        const s = spec.series[index];
        series.push({
            label: s.label,
            stroke: withAlpha(s.color, s.alpha ?? 1),
            width: s.width ?? 1.5,
            dash: s.dash || undefined,
            fill: spec.stacked ? withAlpha(s.color, 0.85) : undefined,
            paths: bars || undefined,
            points: { show: false },
            spanGaps: true,
            value: (u, v, si, idx) => format(idx == null ? null : chart.raw.y[index][idx]),
        });
    }
    const bands = (spec.bands || []).map(b => ({ series: [b.upper + 1, b.lower + 1], fill: withAlpha(b.fill, 0.18) }));
    return {
        ...size(chart),
        title: spec.title,
        series,
        bands,
        scales: { x: { time: !!spec.time } },
        axes: [{ label: spec.xLabel }, { label: spec.yLabel, size: 56 }],
        cursor: { drag: { x: true, y: false }, sync: spec.sync ? { key: spec.sync } : undefined },
        legend: { live: true },
        hooks: {
            setSelect: [u => { if (u.select.width > 0) chart.zoomed = true; }],
            ready: [u => u.root.querySelectorAll(".u-legend .u-series").forEach((row, i) => {
                if (i > 0 && spec.series[order[i - 1]].legend === false) row.style.display = "none";
            })],
        },
    };
}

function format(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return "—";
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
    return Number(v.toPrecision(4)).toString();
}

function withAlpha(hex, alpha) {
    if (alpha >= 1 || !hex.startsWith("#") || hex.length !== 7) return hex;
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
