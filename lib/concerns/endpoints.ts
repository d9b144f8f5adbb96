// API endpoints of concerns (the OpenAPI document is built from these); the same schemas and use cases as the actions.
import type { Endpoint } from "@/lib/endpoint";
import { closedConcernOutput, concernListOutput, overrideConcernFields, raiseConcernFields, raisedConcernOutput, resolveConcernFields } from "@/lib/concerns/schema";

const tag = "concerns";
const thread = "Each concern is itself a thread: read and post with GET/POST /api/v1/threads/concern/{id}/comments, under the same visibility as its subject.";

const raiseDoc = (what: string) =>
  `Only a binding voter on the ${what} may raise one (NOT_BINDING_VOTER, 403). The charter says, per decision kind, whether an open concern blocks passing (concernsBlock); where it does, the tally fails while one is open. Refusals: ${what === "decision" ? "NOT_OPEN (409, the decision is closed, cancelled or past its closing time)" : "NOT_IN_REVIEW (409, the release is not in review)"}, invalid title or text (400).`;

export const concernEndpoints: Endpoint[] = [
  { method: "get", path: "/api/v1/decisions/{id}/concerns", summary: "A decision's concerns, open ones first, and whether they block", description: thread, tag, auth: "optional", response: concernListOutput, errors: [404] },
  { method: "post", path: "/api/v1/decisions/{id}/concerns", summary: "Raise a concern on an open decision (binding voters)", description: raiseDoc("decision"), tag, auth: "required", body: raiseConcernFields, response: raisedConcernOutput, status: 201, errors: [403, 404, 409] },
  { method: "get", path: "/api/v1/releases/{id}/concerns", summary: "A release's concerns, open ones first, and whether they block its vote", description: thread, tag, auth: "optional", response: concernListOutput, errors: [404] },
  { method: "post", path: "/api/v1/releases/{id}/concerns", summary: "Raise a concern on a release in review (binding voters on releases)", description: raiseDoc("release"), tag, auth: "required", body: raiseConcernFields, response: raisedConcernOutput, status: 201, errors: [403, 404, 409] },
  {
    method: "post",
    path: "/api/v1/concerns/{id}/resolve",
    summary: "Resolve your own concern, with an optional note",
    description: "Only the person who raised it (NOT_YOUR_CONCERN, 403; a steward overrides instead). Refusals: CONCERN_CLOSED (409), SUBJECT_CLOSED (409, its decision closed or its release left review).",
    tag,
    auth: "required",
    body: resolveConcernFields,
    response: closedConcernOutput,
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/concerns/{id}/override",
    summary: "Override an open concern with a reason (stewards)",
    description: "The reason is kept in the record. Refusals: CONCERN_CLOSED (409), SUBJECT_CLOSED (409).",
    tag,
    auth: "required",
    body: overrideConcernFields,
    response: closedConcernOutput,
    errors: [403, 404, 409],
  },
];
