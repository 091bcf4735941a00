/**
 * The launch URL an LMS opens for an xAPI or cmi5 package: a Tin Can launch with credentials for
 * this launch only, or a cmi5 session with its one-time fetch URL (LMS.LaunchData written, the
 * "launched" statement recorded). The preview and `coursepack test` launch through it.
 */
import type { Cmi5Launch, TinCanLaunch } from "../../../validator/launch.js";
import type { Learner } from "../../protocol.js";
import type { LocalLms } from "./local-lms.js";

export interface XapiLaunchOptions {
  /** The package's launch page, absolute. */
  contentUrl: string;
  learner: Learner;
  /** cmi5: the LMS-generated AU activity id (cmi5 §9.4), differing from the publisher's. */
  cmi5ActivityId: string;
  mode: "normal" | "browse" | "review";
  /** cmi5: a pass mark 0..1 the LMS imposes instead of the AU's own. */
  masteryScore?: number | undefined;
}

export async function xapiLaunchUrl(
  lms: LocalLms,
  launch: TinCanLaunch | Cmi5Launch,
  options: XapiLaunchOptions,
): Promise<string> {
  const { registration, actor } = options.learner;
  if (launch.standard === "xapi")
    return lms.tinCanLaunch({ contentUrl: options.contentUrl, actor, registration, activityId: launch.activityId });
  const mastery = options.masteryScore ?? launch.masteryScore;
  const { url } = await lms.cmi5Launch({
    auUrl: options.contentUrl,
    actor: { name: actor.name, account: actor.account },
    registration,
    activityId: options.cmi5ActivityId,
    publisherAuId: launch.auId,
    publisherCourseId: launch.courseId,
    moveOn: launch.moveOn,
    launchMode: ({ normal: "Normal", browse: "Browse", review: "Review" } as const)[options.mode],
    ...(mastery === undefined ? {} : { masteryScore: mastery }),
    ...(launch.launchParameters ? { launchParameters: launch.launchParameters } : {}),
  });
  return url;
}
