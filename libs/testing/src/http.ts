import { defaultToken } from './tokens';

export interface HttpResult {
  status: number;
  headers: Headers;
  // Tests read whatever the API answered; the shapes are asserted, not assumed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface HttpOptions {
  /** The bearer token to send: by default an `admin` back-office token; null sends none. */
  token?: string | null;
}

/** One HTTP call with a JSON body, answered as status, headers and parsed body. */
export async function http(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, options: HttpOptions = {}): Promise<HttpResult> {
  const token = options.token === undefined ? await defaultToken() : options.token;
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** `http` as one caller: every call sends `token` (null: none). */
export function httpAs(token: string | null) {
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => http(method, url, body, headers, { token });
}
