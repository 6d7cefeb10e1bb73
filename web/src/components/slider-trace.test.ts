import { describe, expect, it } from 'vitest';
import { MAX_TRACE_POINTS, clampX, createTraceRecorder } from './slider-trace';

describe('createTraceRecorder', () => {
  it('records [x, ms since start] and always ends with the release point', () => {
    const recorder = createTraceRecorder(1000);
    recorder.record(0, 1000);
    recorder.record(12.345, 1030);
    recorder.record(13, 1035);
    recorder.record(40, 1080);
    expect(recorder.finish(41.26, 1100)).toEqual([
      [0, 0],
      [12.3, 30],
      [40, 80],
      [41.3, 100],
    ]);
  });

  it('replaces the last sample when the release comes in the same millisecond', () => {
    const recorder = createTraceRecorder(0);
    recorder.record(0, 0);
    recorder.record(10, 20);
    expect(recorder.finish(11, 20)).toEqual([
      [0, 0],
      [11, 20],
    ]);
  });

  it('never exceeds the contract limit of samples', () => {
    const recorder = createTraceRecorder(0);
    for (let i = 0; i < 2000; i++) recorder.record(i / 10, i * 11);
    const trace = recorder.finish(200, 30_000);
    expect(trace).toHaveLength(MAX_TRACE_POINTS);
    expect(trace[trace.length - 1]).toEqual([200, 30_000]);
  });

  it('keeps the piece inside the picture', () => {
    expect(clampX(-5, 100)).toBe(0);
    expect(clampX(150, 100)).toBe(100);
    expect(clampX(42, 100)).toBe(42);
  });
});
