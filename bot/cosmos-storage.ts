import type { Container } from "@azure/cosmos";
import type { Storage, StoreItems } from "botbuilder";
import { createHash } from "node:crypto";
import { z } from "zod";
import { InvalidDocumentError, statusCodeOf } from "../data/errors";

const StateDocument = z.object({
  id: z.string(),
  key: z.string(),
  state: z.record(z.string(), z.unknown()),
  _etag: z.string(),
});

/**
 * botbuilder Storage on Cosmos, for dialog and conversation state. Keys are hashed into ids
 * (state keys contain '/'), and writes honour the item's eTag as botbuilder expects.
 */
export class CosmosBotStorage implements Storage {
  constructor(
    private readonly container: Container,
    /** Stamps each write (`savedAt`), from which the state's retention counts (data/bot-state.ts). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private static id(key: string): string {
    return createHash("sha256").update(key).digest("hex");
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = CosmosBotStorage.id(key);
        try {
          const { resource } = await this.container.item(id, id).read();
          if (!resource) return;
          const parsed = StateDocument.safeParse(resource);
          if (!parsed.success)
            throw new InvalidDocumentError(
              this.container.id,
              id,
              parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
            );
          items[key] = { ...parsed.data.state, eTag: parsed.data._etag };
        } catch (err) {
          if (statusCodeOf(err) !== 404) throw err;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const id = CosmosBotStorage.id(key);
        const { eTag, ...state } = (value ?? {}) as Record<string, unknown> & { eTag?: string };
        const doc = { id, key, state, savedAt: this.now().toISOString() };
        if (eTag && eTag !== "*") {
          await this.container.item(id, id).replace(doc, { accessCondition: { type: "IfMatch", condition: eTag } });
        } else {
          await this.container.items.upsert(doc);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = CosmosBotStorage.id(key);
        try {
          await this.container.item(id, id).delete();
        } catch (err) {
          if (statusCodeOf(err) !== 404) throw err;
        }
      }),
    );
  }
}
