/**
 * The brand colour is used for white button text and links on white: below WCAG AA's 4.5:1 it
 * makes the course hard to read, so the build warns (the course still builds).
 */
import type { Rule } from "../rule.js";

function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : hex;
  const channels = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

export const theme: Rule = {
  name: "theme",
  run({ model, diagnostics }) {
    const color = model.config.theme.color;
    if (!color) return;
    const ratio = contrastWithWhite(color);
    if (ratio < 4.5) {
      diagnostics.warning(
        model.courseSource.position(["theme", "color"]),
        `theme colour ${color} has a contrast of ${ratio.toFixed(1)}:1 with white; WCAG AA needs 4.5:1 for button text and links — use a darker shade`,
      );
    }
  },
};
