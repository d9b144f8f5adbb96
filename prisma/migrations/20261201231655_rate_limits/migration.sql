-- Request counters of the rate limiter (lib/rate-limit/): rate-limiter-flexible's RateLimiterPostgres
-- upserts one row per key and window, and deletes rows an hour past their window. The columns are the ones
-- it would create itself (it runs with tableCreated: true, so the app never runs DDL at request time).
-- UNLOGGED: the counters need no crash safety (a crash empties the table, i.e. resets the windows) and
-- skipping the WAL keeps the extra statement on every write cheap.
CREATE UNLOGGED TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
