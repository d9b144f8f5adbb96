// Counts requests per key in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres on the app's pool), so
// every app instance on the same database shares one budget per key.
import "server-only";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { dbPool } from "@/lib/db";
import { appEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { buckets, rateLimitSettings, WINDOW_SECONDS, type Bucket, type RateLimitDecision, type RateLimitSettings } from "@/lib/rate-limit/rules";

/** The table comes from a Prisma migration (prisma/migrations/*_rate_limits): the app never runs DDL. */
export const RATE_LIMIT_TABLE = "rate_limits";

export type RateLimiters = { settings: RateLimitSettings; consume: (bucket: Bucket, key: string) => Promise<RateLimitDecision> };

/** `pool` is asked for only when a limit is on, so a process with limits off needs no database. */
export function createRateLimiters({ pool, settings }: { pool: () => pg.Pool; settings: RateLimitSettings }): RateLimiters {
  const limiters = new Map<Bucket, RateLimiterPostgres>();
  for (const bucket of buckets) {
    const points = settings.perWindow[bucket];
    if (!settings.enabled || points <= 0) continue;
    limiters.set(
      bucket,
      new RateLimiterPostgres({
        storeClient: pool(),
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: bucket,
        points,
        duration: WINDOW_SECONDS,
        // Once a key has used its budget, this instance refuses it from memory until the window ends,
        // without a database round trip: a client hammering past its limit costs no queries.
        inMemoryBlockOnConsumed: points,
        // If the database cannot be reached, count in this process alone rather than fail every request.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: bucket, points, duration: WINDOW_SECONDS }),
      }),
    );
  }

  return {
    settings,
    async consume(bucket, key) {
      const limiter = limiters.get(bucket);
      const limit = settings.perWindow[bucket];
      if (!limiter) return { bucket, allowed: true, limit, remaining: limit, resetMs: 0 };
      try {
        const res = await limiter.consume(key);
        return { bucket, allowed: true, limit, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { bucket, allowed: false, limit, remaining: 0, resetMs: error.msBeforeNext };
        // Both the store and the in-memory insurance failed: let the request through, it will meet the same
        // database on its own and answer 503 if it is down.
        logError("rate limiter failed; the request was let through", error);
        return { bucket, allowed: true, limit, remaining: limit, resetMs: 0 };
      }
    },
  };
}

// On globalThis: Next bundles route handlers and server actions separately, and both must count in the
// same in-memory block list.
const globalLimiters = globalThis as unknown as { commonweightsRateLimiters?: RateLimiters };

/** This process's limiters, made on first use from the checked environment. */
export function rateLimiters(): RateLimiters {
  globalLimiters.commonweightsRateLimiters ??= createRateLimiters({ pool: dbPool, settings: rateLimitSettings(appEnv()) });
  return globalLimiters.commonweightsRateLimiters;
}
