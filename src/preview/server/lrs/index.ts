/** The local LMS/LRS: launch packages as an LMS does, serve State/Agent Profile, forward statements. */
export {
  LocalLms,
  type DocumentInfo,
  type LmsEvent,
  type LocalLmsOptions,
  type LoggedStatement,
  type OutageMode,
  type TinCanLaunchOptions,
  type UpstreamLrs,
} from "./local-lms.js";
export { type Cmi5LaunchOptions, type Cmi5Session, type LaunchMode, type MoveOn, moveOnSatisfied } from "./cmi5.js";
export { tinCanLaunchUrl, cmi5LaunchUrl } from "./launch-urls.js";
export { statementWarnings } from "./validation.js";
