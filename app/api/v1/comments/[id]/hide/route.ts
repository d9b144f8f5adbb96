import { apiRoute, readBody } from "@/lib/api/handler";
import { hideCommentFields } from "@/lib/threads/schema";
import { hideComment } from "@/lib/threads/use-cases/hide-comment";

const hideCommentEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, hideCommentFields);
  if (!body.ok) return body;
  return hideComment(actor, { ...body.data, commentId: params.id });
});

export { hideCommentEndpoint as POST };
