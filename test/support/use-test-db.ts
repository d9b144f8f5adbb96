// Points lib/db.ts at the run's test database before any test module imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
