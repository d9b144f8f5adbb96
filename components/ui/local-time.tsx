"use client";
// A moment on the page: rendered in UTC on the server, then in the viewer's time zone once hydrated,
// with the exact UTC time on hover and the ISO instant in dateTime.
import { useSyncExternalStore } from "react";
import { formatExactUtc, formatTime, machineTime, type TimeStyle } from "@/lib/format-time";

const noSubscription = () => () => {};
const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server (and hydration) uses UTC; React then renders again with the browser's zone, without a mismatch.
const serverTimeZone = () => "UTC";

export function LocalTime({ at, style = "datetime", className }: { at: Date | string; style?: TimeStyle; className?: string }) {
  const timeZone = useSyncExternalStore(noSubscription, viewerTimeZone, serverTimeZone);
  return (
    <time dateTime={machineTime(at)} title={formatExactUtc(at)} className={className}>
      {formatTime(at, { style, timeZone })}
    </time>
  );
}
