import { apiRoute, readBody } from "@/lib/api/handler";
import { updatePreferencesInput } from "@/lib/notifications/schema";
import { notificationPreferences, updatePreferences } from "@/lib/notifications/use-cases/preferences";

export const GET = apiRoute(async ({ actor }) => notificationPreferences(actor));

export const PUT = apiRoute(async ({ req, actor }) => {
  const body = await readBody(req, updatePreferencesInput);
  return body.ok ? updatePreferences(actor, body.data) : body;
});
