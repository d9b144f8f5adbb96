// A separate worker process for the crash test: it runs the queue until the test kills it (SIGKILL).
import { run } from "graphile-worker";
import { taskList } from "@/lib/worker/runner";

await run({ connectionString: process.env.DATABASE_URL!, concurrency: 1, pollInterval: 200, noHandleSignals: true, taskList: taskList() });
process.stdout.write("worker started\n");
