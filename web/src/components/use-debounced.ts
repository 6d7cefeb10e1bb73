import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`, so typing does not send a request per key. */
export const useDebounced = <T>(value: T, ms = 300) => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
};
