import { databaseIsUp } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await databaseIsUp();
  return Response.json({ status: up ? "ok" : "degraded", db: up ? "ok" : "down" }, { status: up ? 200 : 503 });
}
