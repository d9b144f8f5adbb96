import { apiRoute, readBody } from "@/lib/api/handler";
import { editCommentFields } from "@/lib/threads/schema";
import { noBody } from "@/lib/validation";
import { deleteComment } from "@/lib/threads/use-cases/delete-comment";
import { editComment } from "@/lib/threads/use-cases/edit-comment";

const editCommentEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, editCommentFields);
  if (!body.ok) return body;
  return editComment(actor, { ...body.data, commentId: params.id });
});

const deleteCommentEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  return deleteComment(actor, { commentId: params.id });
});

export { editCommentEndpoint as PATCH, deleteCommentEndpoint as DELETE };
