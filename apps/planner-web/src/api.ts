/** The planner API as the dashboard calls it: same origin, Bearer token, errors carried in words. */

export interface Issue {
  path: string;
  message: string;
}

/** A non-2xx answer: the API's `error` and its `issues`, each naming a field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly issues: Issue[],
  ) {
    super(issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') : error);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
  /** A GET whose answer is text (a CSV export), not JSON. */
  getText(path: string): Promise<string>;
}

async function send<T>(token: string, method: string, path: string, body?: unknown, asText = false): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', [{ path: '', message: 'the Staffcast API did not answer: is the server running?' }]);
  }
  const text = await res.text();
  if (!res.ok) {
    let parsed: { error?: string; message?: string; issues?: Issue[] } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // A reply that is not JSON (a proxy's page) is shown by its status alone.
    }
    throw new ApiError(res.status, parsed.error ?? `HTTP ${res.status}`, parsed.issues ?? (parsed.message ? [{ path: '', message: parsed.message }] : []));
  }
  if (asText) return text as T;
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export function createApi(token: string): Api {
  return {
    get: (path) => send(token, 'GET', path),
    post: (path, body) => send(token, 'POST', path, body),
    del: async (path) => {
      await send(token, 'DELETE', path);
    },
    getText: (path) => send<string>(token, 'GET', path, undefined, true),
  };
}

/** One sentence for a failure, from the API's issues when it gave any. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return `Sign-in failed: ${error.message || 'the token was not accepted'}. Check the token the server printed.`;
    if (error.status === 403) return `Not allowed: ${error.message}.`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface QueueListing {
  queueId: string;
  name: string;
  channel: string;
  timeZone: string;
  routing: { markets: string[]; categories: string[] };
  requiredSkills: string[];
  retired: boolean;
}

export interface LaunchListing {
  launchId: string;
  name: string;
  kind: string;
  markets: string[];
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
}

export const queryString = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`)
    .join('&');
