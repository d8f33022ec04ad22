// Swedish number agreement, shared by the feature string modules (not re-exported: it holds no text of its own).

/** "1 möte", "2 möten": the count with the noun in the form Swedish wants for it. */
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
