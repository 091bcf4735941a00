/** Plain web output: runs from any web server or straight from disk, progress in localStorage. */
import type { Target } from "./target.js";

export const web: Target = {
  id: "web",
  label: "Web",
  runtime: "web",
  files: () => [],
};
