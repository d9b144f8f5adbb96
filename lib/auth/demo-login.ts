// The demo sign-in use case: refused (not just hidden) unless this instance runs in demo mode.
import "server-only";
import { createDemoSession } from "@/lib/auth/mutations";
import { appEnv, demoLoginEnabled } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";

export async function demoSignIn(userId: string): Promise<Result<{ sessionToken: string; expires: Date }>> {
  if (!demoLoginEnabled(appEnv())) {
    return fail("DEMO_LOGIN_DISABLED", "Demo sign-in is turned off on this instance. Sign in with an identity provider.", "forbidden");
  }
  const session = userId ? await createDemoSession(userId) : null;
  return session ? ok(session) : fail("NOT_A_DEMO_USER", "Pick one of the demo users.", "invalid");
}
