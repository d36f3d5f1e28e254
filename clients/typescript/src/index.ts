// The Rapport client: typed requests over openapi-fetch, with the session
// kept and renewed. The types come from `schema.d.ts`, generated from the
// committed OpenAPI document by `scripts/generate-clients`.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths, operations } from "./schema.js";
export type Schemas = components["schemas"];
export type Session = Schemas["TokenResponse"];

export interface RapportOptions {
  /** Where the service is, without `/v1`: `https://api.example.org`. */
  baseUrl: string;
  /** A session from register or login, if there is one already. */
  session?: Session;
  /** Called with every new session (after a refresh too), to store it. */
  onSession?: (session: Session | undefined) => void;
  /** `fetch` to use (a test's, or one with a proxy). */
  fetch?: typeof fetch;
}

export interface Rapport {
  /** Every operation, typed: `api.GET("/v1/contacts/{id}", {params: …})`. */
  api: Client<paths>;
  /** Keeps `session` for the requests that follow. */
  signIn(session: Session): void;
  /** The current session, if signed in. */
  session(): Session | undefined;
}

/**
 * A client that sends the access token on every request and, when an
 * answer is 401, renews the session once with the refresh token and sends
 * the request again. Two requests that meet a 401 together share one
 * refresh: a refresh token is good for one use.
 */
export function createRapport(options: RapportOptions): Rapport {
  let current = options.session;
  let refreshing: Promise<Session | undefined> | undefined;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const store = (session: Session | undefined) => {
    current = session;
    options.onSession?.(session);
  };

  const refresh = (spent: string): Promise<Session | undefined> => {
    if (current && current.refresh_token !== spent) {
      return Promise.resolve(current); // another request renewed it already
    }
    refreshing ??= (async () => {
      try {
        const answer = await fetchImpl(`${options.baseUrl}/v1/auth/refresh`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh_token: spent }),
        });
        store(answer.ok ? ((await answer.json()) as Session) : undefined);
        return current;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  // Bodies are read once by openapi-fetch; a request to send again is
  // kept as it was before it went out.
  const originals = new WeakMap<Request, Request>();
  const auth: Middleware = {
    onRequest({ request }) {
      if (current) {
        request.headers.set("Authorization", `Bearer ${current.access_token}`);
      }
      originals.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response }) {
      const spent = current?.refresh_token;
      const original = originals.get(request);
      if (response.status !== 401 || !spent || !original || isAuthPath(request.url)) {
        return response;
      }
      const renewed = await refresh(spent);
      if (!renewed) {
        return response;
      }
      original.headers.set("Authorization", `Bearer ${renewed.access_token}`);
      return fetchImpl(original);
    },
  };

  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: fetchImpl });
  api.use(auth);
  return {
    api,
    signIn: store,
    session: () => current,
  };
}

function isAuthPath(url: string): boolean {
  return new URL(url).pathname.startsWith("/v1/auth/");
}
