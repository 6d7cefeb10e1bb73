/** The contract allows at most this many samples per drag. */
export const MAX_TRACE_POINTS = 500;
/** Samples closer together than this add nothing a human check can use. */
const MIN_SAMPLE_INTERVAL_MS = 10;

export type TracePoint = [x: number, ms: number];

/**
 * Records a drag as [x, ms-since-start] pairs, the shape the captcha check expects: one sample at
 * the start, then at most one per 10 ms, and always the final position, capped at 500 samples.
 */
export const createTraceRecorder = (startedAt: number) => {
  const points: TracePoint[] = [];
  const round = (x: number) => Math.round(x * 10) / 10;
  const elapsed = (now: number) => Math.max(0, Math.round(now - startedAt));

  const record = (x: number, now: number) => {
    const last = points[points.length - 1];
    const ms = elapsed(now);
    if (last && ms - last[1] < MIN_SAMPLE_INTERVAL_MS) return;
    if (points.length >= MAX_TRACE_POINTS - 1) return;
    points.push([round(x), ms]);
  };

  /** The trace to send: the samples plus the release point. */
  const finish = (x: number, now: number): TracePoint[] => {
    const out = points.slice(0, MAX_TRACE_POINTS - 1);
    const end: TracePoint = [round(x), elapsed(now)];
    const last = out[out.length - 1];
    if (last && last[1] === end[1]) out[out.length - 1] = end;
    else out.push(end);
    return out;
  };

  return {
    record,
    finish,
    get size() {
      return points.length;
    },
  };
};

export type TraceRecorder = ReturnType<typeof createTraceRecorder>;

/** Keeps the piece inside the picture. */
export const clampX = (x: number, max: number) => Math.min(Math.max(0, x), Math.max(0, max));
