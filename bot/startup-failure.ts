/**
 * One line for a start-up that failed (the store could not be reached or refused the key): what, where
 * and the error code, for the operator. No stack, headers or diagnostics, and never secrets.
 */
export function startupFailureLine(err: unknown, cosmosEndpoint?: string): string {
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  let host = "the embedded store";
  if (cosmosEndpoint) {
    try {
      host = new URL(cosmosEndpoint).host;
    } catch {
      host = "COSMOS_ENDPOINT";
    }
  }
  const code = typeof e.code === "string" || typeof e.code === "number" ? String(e.code) : undefined;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
    return `Start-up failed: cannot listen on the configured address (${code}). Check PORT and HOST.`;
  if (status === 401 || status === 403)
    return `Start-up failed: Cosmos DB at ${host} refused the credentials (HTTP ${status}). Check COSMOS_KEY (or the managed identity's role).`;
  if (code || status)
    return `Start-up failed: cannot reach Cosmos DB at ${host} (${code ?? `HTTP ${status}`}). Check COSMOS_ENDPOINT and the network.`;
  // Anything else: the first line of the message, with anything that looks like a key removed.
  const first = String(e.message ?? err)
    .split("\n")[0]
    .replace(/(AccountKey|key|password|secret)=\S+/gi, "$1=…")
    .replace(/[A-Za-z0-9+/]{40,}={0,2}/g, "…")
    .slice(0, 160);
  return `Start-up failed: ${first}`;
}
