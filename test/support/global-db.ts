// One fresh, migrated database for the integration run: on the server DATABASE_URL names if it is set,
// otherwise on an embedded PostgreSQL started for the run. Nothing is shared with the app's data.
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "../../scripts/scratch-database";
import { migrateDeploy } from "../../scripts/migrate";

declare module "vitest" {
  // Declaration merging with vitest needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase("cw_test");
  migrateDeploy(scratch.url);
  project.provide("databaseUrl", scratch.url);
  return scratch.drop;
}
