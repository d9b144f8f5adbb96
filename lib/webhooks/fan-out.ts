// The webhooks.fan-out job: one per appended event of a space that has a matching endpoint (lib/record/after-append.ts).
// It creates one delivery per endpoint of that same space whose filter matches, each with its own job.
import "server-only";
import { createDeliveries } from "@/lib/webhooks/delivery/mutations";
import { enabledWebhooks, eventToFanOut } from "@/lib/webhooks/data";
import { matchesFilter } from "@/lib/webhooks/rules";

export async function fanOutEvent(eventId: string): Promise<number> {
  const event = await eventToFanOut(eventId);
  if (!event) return 0;
  // Filters are checked again here: an endpoint may have changed since the event was appended.
  const endpoints = (await enabledWebhooks(event.spaceId)).filter((endpoint) => matchesFilter(endpoint.eventTypes, event.type));
  return createDeliveries({ id: event.id, eventId }, endpoints.map((endpoint) => endpoint.id));
}
