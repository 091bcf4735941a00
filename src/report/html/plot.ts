/**
 * The parts of Observable Plot the report draws with. Importing them by name (rather than the
 * whole module) lets the bundler leave out the marks and scales the report never uses (geo,
 * Delaunay, contours, hexbins…), which keeps the published package smaller.
 */
export { barX, barY, dot, plot, rectX, rectY, ruleX, ruleY, text, tickX } from "@observablehq/plot";
