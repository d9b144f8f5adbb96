import { eventsJsonSchema } from "@/lib/record/events/json-schema";

export const dynamic = "force-static";

export function GET() {
  return Response.json(eventsJsonSchema());
}
