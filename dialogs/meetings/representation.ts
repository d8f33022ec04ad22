import { meetingsText } from "../../core/strings";
import type { Group, Member, Rsvp } from "../../data/meetings/schema";

const t = meetingsText;

/**
 * The functions the agreement requires in a VuS group that nobody coming represents: individ och
 * familj and socialpsykiatri for each municipality of the county part, vuxenpsykiatrin,
 * habiliteringscentrum, the vårdcentraler and the coordinator. A substitute counts as coming.
 */
export function missingFunctions(group: Group, members: Member[], rsvps: Rsvp[]): string[] {
  const answers = new Map(rsvps.map((r) => [r.aadObjectId, r.answer]));
  const coming = members.filter((m) => {
    const a = answers.get(m.aadObjectId);
    return a === "attending" || a === "substitute";
  });
  const missing: string[] = [];
  for (const municipality of group.municipalities) {
    const fromHere = coming.filter(
      (m) => m.organisation.localeCompare(municipality, "sv", { sensitivity: "base" }) === 0,
    );
    const ifo = fromHere.some((m) => m.function === "ifo" || m.function === "ifo-socialpsykiatri");
    const sp = fromHere.some((m) => m.function === "socialpsykiatri" || m.function === "ifo-socialpsykiatri");
    const lacking = [ifo ? undefined : t.representation.ifo, sp ? undefined : t.representation.sp]
      .filter(Boolean)
      .join(", ");
    if (lacking) missing.push(t.representation.municipality(municipality, lacking));
  }
  for (const fn of ["vuxenpsykiatri", "habilitering", "vardcentral", "samordnare"] as const) {
    if (!coming.some((m) => m.function === fn)) missing.push(t.functionLabels[fn]);
  }
  return missing;
}
