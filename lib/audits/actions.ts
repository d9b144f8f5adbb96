"use server";
// Server actions for audits; the use cases parse (TEXT_TOO_LONG for oversize text) and authorize each call.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { moveFinding } from "@/lib/audits/use-cases/move-finding";
import { reviewAuditReport } from "@/lib/audits/use-cases/review-audit-report";
import type { Result } from "@/lib/result";

// The use cases parse with the audit schemas themselves, so the boundary passes the raw value through.
const raw = z.unknown();

// Audits show on the audit pages and on release pages: refresh the whole space.
function refresh<T extends { spaceSlug: string }>(result: Result<T>): Result<T> {
  if (result.ok) revalidatePath(`/s/${result.data.spaceSlug}`, "layout");
  return result;
}

export const fileAuditReportAction = defineAction(raw, async (input, actor) =>
  refresh(await fileAuditReport(actor, input)),
);

export const reviewAuditReportAction = defineAction(raw, async (input, actor) =>
  refresh(await reviewAuditReport(actor, input)),
);

export const moveFindingAction = defineAction(raw, async (input, actor) =>
  refresh(await moveFinding(actor, input)),
);
