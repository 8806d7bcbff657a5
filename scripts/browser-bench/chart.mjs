// The benchmark's chart as a standalone SVG, drawn by hand: one cumulative
// distribution per engine of its per-page times on a log axis (a curve to the
// left is faster), each median marked and labelled.

const W = 960;
const H = 540;
const M = { left: 70, right: 230, top: 56, bottom: 60 };
const COLORS = ["#1b7837", "#2166ac", "#b2182b", "#e08214", "#762a83"];

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function fmt(ms) {
  return ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2);
}

/**
 * An SVG (as text) of per-engine CDFs. `series` is [{name, times (ms per
 * page), median, dashed?}]; `title` and `subtitle` head the chart.
 */
export function cdfChart({ title, subtitle, series }) {
  const all = series.flatMap((s) => s.times).filter((t) => t > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (ms) => M.left + ((Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * pw;
  const y = (f) => M.top + (1 - f) * ph;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text x="${M.left}" y="42" fill="#555">${esc(subtitle)}</text>`);
  // Grid: decades and their 2x, 5x on x; tenths on y.
  for (let d = lo; d <= hi * 1.001; d *= 10) {
    for (const k of [1, 2, 5]) {
      const v = d * k;
      if (v > hi * 1.001) continue;
      const major = k === 1;
      out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${M.top}" y2="${M.top + ph}" stroke="${major ? "#ccc" : "#eee"}"/>`);
      out.push(`<text x="${x(v)}" y="${M.top + ph + 16}" text-anchor="middle" fill="${major ? "#333" : "#888"}">${fmt(v)}</text>`);
    }
  }
  for (let f = 0; f <= 1.0001; f += 0.1) {
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(f)}" y2="${y(f)}" stroke="#eee"/>`);
    out.push(`<text x="${M.left - 6}" y="${y(f) + 4}" text-anchor="end" fill="#333">${Math.round(f * 100)}%</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 18}" text-anchor="middle">ms per page (log scale)</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">pages done within that time</text>`);
  series.forEach((s, i) => {
    const color = s.color || COLORS[i % COLORS.length];
    const ts = [...s.times].sort((a, b) => a - b);
    const pts = ts.map((t, j) => `${x(t).toFixed(1)},${y((j + 1) / ts.length).toFixed(1)}`);
    const dash = s.dashed ? ` stroke-dasharray="5 4"` : "";
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${x(ts[0]).toFixed(1)},${y(0)} ${pts.join(" ")}"/>`);
    out.push(`<circle cx="${x(s.median)}" cy="${y(0.5)}" r="4.5" fill="${color}" stroke="#fff"/>`);
    // The legend carries each median's figure; the plot only its dot.
    const ly = M.top + 14 + i * 36;
    out.push(`<line x1="${M.left + pw + 14}" x2="${M.left + pw + 40}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${M.left + pw + 46}" y="${ly}">${esc(s.name)}</text>`);
    out.push(`<text x="${M.left + pw + 46}" y="${ly + 15}" fill="${color}">median ${fmt(s.median)} ms</text>`);
  });
  const ly = M.top + 14 + series.length * 36;
  out.push(`<circle cx="${M.left + pw + 27}" cy="${ly - 4}" r="4.5" fill="#555"/><text x="${M.left + pw + 46}" y="${ly}">median (dot on 50%)</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

/**
 * An SVG (as text) of points on a log-log plot with a reference line
 * y = ratio * x: `points` are [{x, y}]; `line` is {ratio, label}.
 */
export function scatterChart({ title, subtitle, xLabel, yLabel, points, line }) {
  const decades = (vs) => [Math.pow(10, Math.floor(Math.log10(Math.min(...vs)))), Math.pow(10, Math.ceil(Math.log10(Math.max(...vs))))];
  const [xlo, xhi] = decades(points.map((p) => p.x));
  const [ylo, yhi] = decades(points.map((p) => p.y).concat(line ? [line.ratio * xlo, line.ratio * xhi] : []));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const lx = (v, lo, hi) => (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  const x = (v) => M.left + lx(v, xlo, xhi) * pw;
  const y = (v) => M.top + (1 - lx(v, ylo, yhi)) * ph;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text x="${M.left}" y="42" fill="#555">${esc(subtitle)}</text>`);
  for (let d = xlo; d <= xhi * 1.001; d *= 10) {
    out.push(`<line x1="${x(d)}" x2="${x(d)}" y1="${M.top}" y2="${M.top + ph}" stroke="#ddd"/>`);
    out.push(`<text x="${x(d)}" y="${M.top + ph + 16}" text-anchor="middle">${fmt(d)}</text>`);
  }
  for (let d = ylo; d <= yhi * 1.001; d *= 10) {
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(d)}" y2="${y(d)}" stroke="#ddd"/>`);
    out.push(`<text x="${M.left - 6}" y="${y(d) + 4}" text-anchor="end">${fmt(d)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 18}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  out.push(`<g clip-path="inset(0)">`);
  if (line) {
    out.push(`<line x1="${x(xlo)}" y1="${y(line.ratio * xlo)}" x2="${x(xhi)}" y2="${y(line.ratio * xhi)}" stroke="#b2182b" stroke-dasharray="6 4" stroke-width="1.5"/>`);
  }
  for (const p of points) out.push(`<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="3" fill="#2166ac" fill-opacity="0.5"/>`);
  out.push(`</g>`);
  if (line) {
    out.push(`<line x1="${M.left + pw + 14}" x2="${M.left + pw + 40}" y1="${M.top + 10}" y2="${M.top + 10}" stroke="#b2182b" stroke-dasharray="6 4" stroke-width="1.5"/>`);
    out.push(`<text x="${M.left + pw + 46}" y="${M.top + 14}">${esc(line.label)}</text>`);
  }
  out.push(`<circle cx="${M.left + pw + 27}" cy="${M.top + 34}" r="3" fill="#2166ac" fill-opacity="0.5"/><text x="${M.left + pw + 46}" y="${M.top + 38}">one page</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
