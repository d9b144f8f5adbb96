// Session writes outside Auth.js's own flow: the demo sign-in.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

const DEMO_SESSION_DAYS = 7;

/** Creates a session exactly as Auth.js stores one, so everything downstream takes the real path. */
export async function createDemoSession(userId: string) {
  const user = await db.user.findFirst({ where: { id: userId, isDemo: true }, select: { id: true } });
  if (!user) return null;
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + DEMO_SESSION_DAYS * 24 * 3600 * 1000);
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { sessionToken, expires };
}
