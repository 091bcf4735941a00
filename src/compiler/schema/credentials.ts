/**
 * Packages must never carry LRS credentials: a zip is copied, uploaded and cached everywhere, so a
 * key inside it is a key given to everyone. The LMS passes endpoint and auth at launch instead.
 */

/** Query parameter names that carry secrets in LRS and launch URLs. */
const SECRET_PARAMS =
  /^(auth|authorization|token|auth-token|access_token|key|secret|password|passwd|pwd|apikey|api_key|client_secret)$/i;

/** Why `value` (a URL or IRI) would put credentials into a package, or undefined when it would not. */
export function credentialsIn(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return "it contains a user name or password (user:password@…)";
  for (const name of url.searchParams.keys()) {
    if (SECRET_PARAMS.test(name)) return `its query parameter "${name}" looks like a credential`;
  }
  return undefined;
}

export const NO_CREDENTIALS_HINT =
  "packages never contain LRS credentials: the LMS passes the endpoint and auth when it launches the course";
