import { z } from "zod";
import { ObjectId } from "../../data/admins";
import { EntryId, KbEntry } from "../../data/kb/schema";

// Data sent back by the admin cards' buttons (Action.Submit, like the answer cards). Teams merges
// the card's input values into it, and a user can send anything, so all of it is validated here.
// Multi-step state lives in the card data: the draft entry and the etag of the version the admin
// opened, which decides a concurrent edit.

const Kind = z.enum(["term", "actor", "forum", "routine", "responsibility", "goal", "topic", "decision"]);
const Etag = z.string().min(1).max(200);
const Mode = z.enum(["edit", "create"]);

export const AdminSubmission = z.discriminatedUnion("action", [
  z.object({ action: z.literal("admin.home") }),
  z.object({ action: z.literal("admin.search"), query: z.string().max(200).optional() }),
  z.object({ action: z.literal("admin.open"), entryId: EntryId }),
  z.object({ action: z.literal("admin.edit"), entryId: EntryId, reviewItems: z.string().max(4000).optional() }),
  z.object({
    action: z.literal("admin.new"),
    newKind: Kind.optional(),
    question: z.string().max(600).optional(),
    reviewItems: z.string().max(4000).optional(),
  }),
  z
    .object({
      action: z.literal("admin.preview"),
      mode: Mode,
      kind: Kind,
      entryId: EntryId.optional(),
      etag: Etag.optional(),
      reviewItems: z.string().max(4000).optional(),
    })
    .catchall(z.unknown()),
  z.object({
    action: z.literal("admin.publish"),
    mode: Mode,
    etag: Etag.optional(),
    draft: KbEntry,
    reviewItems: z.string().max(4000).optional(),
  }),
  z.object({
    action: z.literal("admin.reedit"),
    mode: Mode,
    etag: Etag.optional(),
    draft: KbEntry,
    reviewItems: z.string().max(4000).optional(),
  }),
  z.object({ action: z.literal("admin.cancel") }),
  z.object({ action: z.literal("admin.retire"), entryId: EntryId, etag: Etag }),
  z.object({ action: z.literal("admin.restore"), entryId: EntryId, etag: Etag }),
  z.object({ action: z.literal("admin.history"), entryId: EntryId }),
  z.object({ action: z.literal("admin.revert"), entryId: EntryId, version: z.number().int().min(1), etag: Etag }),
  z.object({ action: z.literal("admin.review") }),
  z.object({ action: z.literal("admin.dismiss"), reviewItems: z.string().max(4000) }),
  z.object({ action: z.literal("admin.importConfirm"), importId: z.string().uuid() }),
  z.object({ action: z.literal("admin.importCancel"), importId: z.string().uuid() }),
  z.object({ action: z.literal("admin.admins") }),
  z.object({
    action: z.literal("admin.addAdmin"),
    /** Chosen from the known people (an object id), or typed in newAdminId. */
    newAdminPerson: z.string().max(100).optional(),
    newAdminId: z.string().max(100).optional(),
    newAdminName: z.string().max(200).optional(),
  }),
  z.object({ action: z.literal("admin.removeAdmin"), aadObjectId: ObjectId }),
]);
export type AdminSubmission = z.infer<typeof AdminSubmission>;

/** Review queue items travel as "kind:id,kind:id" so a card can carry a group of them. */
export const ReviewItems = z
  .string()
  .max(4000)
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^(feedback|unanswered):[0-9a-f-]{36}$/))
      .max(100)
      .transform((xs) =>
        xs.map((x) => ({ kind: x.split(":")[0] as "feedback" | "unanswered", id: x.slice(x.indexOf(":") + 1) })),
      ),
  );

/** Every admin.* verb, read off the schema so a new button cannot be left without a route. */
export const ADMIN_ACTIONS: readonly string[] = AdminSubmission.options.map((o) => o.shape.action.value);
