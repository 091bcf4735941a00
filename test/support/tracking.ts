/** The tracking options a course gets by default, for tests that build CourseData by hand. */
import type { TrackingOptions } from "../../src/shared/course-data.js";

export const DEFAULT_TRACKING: TrackingOptions = {
  scorm12Status: "passed-incomplete",
  exitWhenComplete: "normal",
  interactions: true,
  commitSeconds: 45,
  navigationRequests: false,
};
