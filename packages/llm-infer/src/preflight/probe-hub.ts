/**
 * Asks a model hub whether it serves a model (`GET url`, 10 s, aborted with `signal`): `true` when it answers 2xx,
 * else the reason to put in the error (`the hub answered HTTP 404`, `the hub cannot be reached (ENOTFOUND)`).
 */
export async function probeHub(url: string, signal: AbortSignal): Promise<true | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
    if (response.ok) return true;
    return `the hub answered HTTP ${response.status}`;
  } catch (caught) {
    const cause = (caught as { cause?: { code?: string; message?: string } }).cause;
    return `the hub cannot be reached (${cause?.code ?? cause?.message ?? (caught as Error).message})`;
  }
}
