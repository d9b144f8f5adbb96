// A worker in its own process, for the test that kills one in the middle of a delivery.
import { runDueJobs } from "@/lib/worker/runner";

await runDueJobs(process.env.DATABASE_URL!);
