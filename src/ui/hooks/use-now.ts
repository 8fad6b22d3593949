import { useEffect, useState } from 'react';

/** The injected clock's time, refreshed every `everyMs` while `active` (for on-screen clocks). */
export function useNow(now: () => Date, everyMs: number, active: boolean): number {
  const [time, setTime] = useState(() => now().getTime());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTime(now().getTime()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs, active]);
  return time;
}

/** `m:ss` (or `h:mm:ss`) for a duration in ms. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
