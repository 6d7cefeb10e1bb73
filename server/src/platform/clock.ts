/** Every rule that depends on time reads this clock, so tests can move it instead of sleeping. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export type TestClock = Clock & { advance: (ms: number) => void; set: (d: Date) => void };

export const createTestClock = (start = new Date()): TestClock => {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
};

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

/** The calendar day 'YYYY-MM-DD' in China (UTC+8, no daylight saving) at an instant: the day a rule of the platform means. */
export const chinaDay = (at: Date) => new Date(at.getTime() + hours(8)).toISOString().slice(0, 10);
