/**
 * The progress line of long builds: nothing for the first second (most builds are over by then),
 * then one line on stderr, redrawn in place, saying what the build is doing and for how long. Only
 * on a terminal; cleared before the report is printed.
 */
import { dim } from "./format.js";

export interface ProgressLine {
  update(step: string): void;
  done(): void;
}

const DELAY_MS = 1000;
const REDRAW_MS = 250;

export function progressLine(label: string, enabled = Boolean(process.stderr.isTTY)): ProgressLine {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  const started = performance.now();
  let step = "";
  let shown = false;
  let redraw: NodeJS.Timeout | undefined;
  const draw = () => {
    shown = true;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\r\u001b[K${dim(`${label}: ${step}… ${seconds} s`)}`);
  };
  const first = setTimeout(() => {
    draw();
    redraw = setInterval(draw, REDRAW_MS);
    redraw.unref();
  }, DELAY_MS);
  first.unref();
  return {
    update(next) {
      step = next;
      if (shown) draw();
    },
    done() {
      clearTimeout(first);
      clearInterval(redraw);
      if (shown) process.stderr.write("\r\u001b[K");
    },
  };
}
