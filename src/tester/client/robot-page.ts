/**
 * The robot alone, for a course window the LMS page can no longer reach: injected into a popup
 * after the learner closed the LMS window, it drives the course from inside.
 */
import type { LearnerView, RobotStep } from "../protocol.js";
import { Robot } from "./robot.js";

declare global {
  interface Window {
    coursepackRobot: { robot(step: RobotStep): Promise<LearnerView>; errors(): string[] };
  }
}

const errors: string[] = [];
window.addEventListener("error", (e) => errors.push(e.message));
window.addEventListener("unhandledrejection", (e) => errors.push(String(e.reason)));
const robot = new Robot(() => window);
window.coursepackRobot = { robot: (step) => robot.run(step), errors: () => [...errors] };
