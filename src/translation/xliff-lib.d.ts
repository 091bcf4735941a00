/**
 * Types for the parts of the `xliff` package (locize/xliff) Coursepack uses; it ships none. The
 * package converts between XLIFF 1.2/2.0 documents and this JavaScript shape.
 */
declare module "xliff/inline" {
  /** An inline element: its kind (`GenericSpan`, `Standalone`, `Span`, `SpanStart`…) → id, attributes and contents. */
  export type InlineElement = Record<string, { id?: string; contents?: InlineValue; [attribute: string]: unknown }>;
  export type InlineValue = string | InlineElement | (string | InlineElement)[];

  export interface XliffUnitJs {
    source?: InlineValue;
    target?: InlineValue;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
  }

  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    /** File id (2.0) or `original` (1.2) → unit id → unit. */
    resources: Record<string, Record<string, XliffUnitJs>>;
  }
}

declare module "xliff/js2xliff" {
  import type { XliffJs } from "xliff/inline";
  export default function js2xliff(js: XliffJs, options?: { indent?: string }): Promise<string>;
}

declare module "xliff/jsToXliff12" {
  import type { XliffJs } from "xliff/inline";
  export default function jsToXliff12(js: XliffJs, options?: { indent?: string }): Promise<string>;
}

declare module "xliff/xliff2js" {
  import type { XliffJs } from "xliff/inline";
  export default function xliff2js(xml: string): Promise<XliffJs>;
}

declare module "xliff/xliff12ToJs" {
  import type { XliffJs } from "xliff/inline";
  export default function xliff12ToJs(xml: string): Promise<XliffJs>;
}
