// Order statistics for the benchmark's per-page figures.

/** The q-quantile (0..1) of `xs` by nearest rank; NaN when empty. */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** The median of `xs` (mean of the middle two for an even count). */
export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** {median, p95, p99, max, n} of a list of figures. */
export function summary(xs) {
  return { median: median(xs), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99), max: quantile(xs, 1), n: xs.length };
}
