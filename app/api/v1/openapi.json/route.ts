import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApi } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApi(endpoints, { version: "1.0.0" }));
}
