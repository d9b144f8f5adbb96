// How the write being handled came: the boundary (apiRoute, defineAction) says so once, and appendEvent records it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Via } from "@/lib/record/events/catalog";

// On globalThis: Next bundles route handlers and server actions separately, and each bundle has its own module copies.
const store = ((globalThis as { __commonweightsVia?: AsyncLocalStorage<Via> }).__commonweightsVia ??= new AsyncLocalStorage<Via>());

/** Runs `fn` with every event it appends recorded as having come `via` this door. */
export function withVia<T>(via: Via, fn: () => T): T {
  return store.run(via, fn);
}

/**
 * How the current write came. Without an actor the app itself acts (a deadline close triggered by any request
 * included); outside any request (seed, admin command, timers) it is the system too.
 */
export function currentVia(actorId: string | null): Via {
  if (actorId === null) return "system";
  return store.getStore() ?? "system";
}
