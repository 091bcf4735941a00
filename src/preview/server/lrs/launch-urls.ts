/** Launch URLs as an LMS builds them: Tin Can launch (checklist #52) and cmi5 §8.1 (checklist #61). */

export interface TinCanLaunchParams {
  endpoint: string;
  auth: string;
  actor: object;
  registration?: string | undefined;
  activityId: string;
}

export interface Cmi5LaunchParams {
  endpoint: string;
  fetch: string;
  actor: object;
  registration: string;
  activityId: string;
}

/** Adds launch parameters to the content URL, keeping the content's own query (cmi5 §8.1: merged). */
function withParams(contentUrl: string, params: Record<string, string>): string {
  const url = new URL(contentUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export function tinCanLaunchUrl(contentUrl: string, p: TinCanLaunchParams): string {
  return withParams(contentUrl, {
    endpoint: p.endpoint,
    auth: p.auth,
    actor: JSON.stringify(p.actor),
    ...(p.registration ? { registration: p.registration } : {}),
    activity_id: p.activityId,
  });
}

export function cmi5LaunchUrl(contentUrl: string, p: Cmi5LaunchParams): string {
  return withParams(contentUrl, {
    endpoint: p.endpoint,
    fetch: p.fetch,
    actor: JSON.stringify(p.actor),
    registration: p.registration,
    activityId: p.activityId,
  });
}
