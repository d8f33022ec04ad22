import { normaliseText } from "../commands";

export type AdminCommand =
  | { name: "home" }
  /** An entry's id, or words of its title. */
  | { name: "history"; query: string }
  | { name: "export" }
  | { name: "review" }
  | { name: "admins" }
  | { name: "addAdmin"; id: string; adminName: string }
  | { name: "removeAdmin"; id: string };

/** Admin commands typed in the chat; anything else is not the admin dialog's business. */
export function parseAdminCommand(text: string): AdminCommand | undefined {
  const s = normaliseText(text);
  const lower = s.toLowerCase();
  if (/^admin$/.test(lower)) return { name: "home" };
  if (/^(admins|administratörer|administratorer)$/.test(lower)) return { name: "admins" };
  let m = /^admin l[äa]gg till (\S+)\s*(.*)$/i.exec(s);
  if (m) return { name: "addAdmin", id: m[1], adminName: m[2].trim() };
  m = /^admin ta bort (\S+)$/i.exec(s);
  if (m) return { name: "removeAdmin", id: m[1] };
  m = /^historik(?: (.+))?$/i.exec(s);
  if (m) return { name: "history", query: (m[1] ?? "").trim() };
  if (/^(exportera|export)$/.test(lower)) return { name: "export" };
  if (/^(granska|granskning|granskningskö|granskningsko)$/.test(lower)) return { name: "review" };
  return undefined;
}
