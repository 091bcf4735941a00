/** Launch parameters from the URL: Tin Can (checklist #52, #53) and cmi5 (#61); the checks on LMS.LaunchData. */
import { describe, expect, it, vi } from "vitest";
import {
  checkedLaunchData,
  checkedMasteryScore,
  checkedReturnUrl,
} from "../../src/runtime/tracking/xapi/launch-data.js";
import { normaliseActor, readCmi5Launch, readTinCanLaunch } from "../../src/runtime/tracking/xapi/launch.js";

const enc = encodeURIComponent;
const actor = { name: "Jane", mbox: "mailto:jane@example.com" };
const REG = "6fbd600f-d17e-4f8b-9f5c-3c1fd6ee5f2e";

describe("Tin Can launch parameters", () => {
  it("reads every parameter in any order, URL-decoded, and adds the trailing slash to the endpoint", () => {
    const a = readTinCanLaunch(
      `?registration=${REG}&actor=${enc(JSON.stringify(actor))}&endpoint=${enc("https://lrs.example.com/xapi")}&auth=${enc("Basic dTpw")}&activity_id=${enc("https://x.example/c")}`,
    );
    const b = readTinCanLaunch(
      `?activity_id=${enc("https://x.example/c")}&auth=${enc("Basic dTpw")}&endpoint=${enc("https://lrs.example.com/xapi/")}&actor=${enc(JSON.stringify(actor))}&registration=${REG}`,
    );
    expect(a).toEqual({
      endpoint: "https://lrs.example.com/xapi/",
      auth: "Basic dTpw",
      actor: { objectType: "Agent", name: "Jane", mbox: "mailto:jane@example.com" },
      registration: REG,
      activityId: "https://x.example/c",
    });
    expect(b).toEqual(a);
  });

  it("repairs a Basic token whose '+' the LMS did not encode", () => {
    const launch = readTinCanLaunch(`?endpoint=e&actor=${enc(JSON.stringify(actor))}&auth=Basic%20ab+c/d==`);
    expect(launch?.auth).toBe("Basic ab+c/d==");
  });

  it("keeps optional extras and drops a registration that is not a UUID", () => {
    const launch = readTinCanLaunch(
      `?endpoint=e&actor=${enc(JSON.stringify(actor))}&registration=abc&activity_platform=Moodle&grouping=${enc("https://lms.example/course/1")}&Accept-Language=de-CH`,
    );
    expect(launch).toMatchObject({ platform: "Moodle", grouping: "https://lms.example/course/1", language: "de-CH" });
    expect(launch?.registration).toBeUndefined();
  });

  it("is undefined without endpoint or actor (the package was opened outside an LMS)", () => {
    expect(readTinCanLaunch("")).toBeUndefined();
    expect(readTinCanLaunch("?endpoint=https://lrs/")).toBeUndefined();
    expect(readTinCanLaunch(`?actor=${enc(JSON.stringify(actor))}`)).toBeUndefined();
    expect(readTinCanLaunch("?endpoint=https://lrs/&actor=not-json")).toBeUndefined();
  });
});

describe("actors", () => {
  it("converts 0.9 actors (arrays) to 1.0 with exactly one identifier", () => {
    expect(normaliseActor({ name: ["Jane"], mbox: ["mailto:jane@example.com", "mailto:other@example.com"] })).toEqual({
      objectType: "Agent",
      name: "Jane",
      mbox: "mailto:jane@example.com",
    });
    expect(
      normaliseActor({
        name: ["Jane"],
        account: [{ accountServiceHomePage: "https://lms.example", accountName: "j42" }],
      }),
    ).toEqual({
      objectType: "Agent",
      name: "Jane",
      account: { homePage: "https://lms.example", name: "j42" },
    });
  });

  it("keeps one identifier when several are given, adds mailto: when missing, and accepts the other kinds", () => {
    expect(normaliseActor({ mbox: "jane@example.com", account: { homePage: "h", name: "n" } })).toEqual({
      objectType: "Agent",
      mbox: "mailto:jane@example.com",
    });
    expect(normaliseActor({ mbox_sha1sum: "abc" })).toEqual({ objectType: "Agent", mbox_sha1sum: "abc" });
    expect(normaliseActor({ openid: "https://id.example/jane" })).toEqual({
      objectType: "Agent",
      openid: "https://id.example/jane",
    });
    expect(normaliseActor({ account: { homePage: "https://lms.example", name: "j42" } })).toEqual({
      objectType: "Agent",
      account: { homePage: "https://lms.example", name: "j42" },
    });
  });

  it("refuses actors without a usable identifier", () => {
    expect(normaliseActor({ name: "Jane" })).toBeUndefined();
    expect(normaliseActor({ account: { name: "j42" } })).toBeUndefined();
    expect(normaliseActor("jane")).toBeUndefined();
  });
});

describe("cmi5 launch parameters", () => {
  const cmi5Actor = { objectType: "Agent", account: { homePage: "https://lms.example", name: "j42" } };
  it("reads endpoint, fetch, actor, registration and activityId (camelCase) in any order", () => {
    const launch = readCmi5Launch(
      `?activityId=${enc("https://lms.example/au/1")}&fetch=${enc("https://lms.example/fetch?k=1")}&registration=${REG}&actor=${enc(JSON.stringify(cmi5Actor))}&endpoint=${enc("https://lms.example/lrs")}&lang=de`,
    );
    expect(launch).toEqual({
      endpoint: "https://lms.example/lrs/",
      fetch: "https://lms.example/fetch?k=1",
      actor: cmi5Actor,
      registration: REG,
      activityId: "https://lms.example/au/1",
    });
  });

  it("is undefined when any of the five is missing (a Tin Can launch is not a cmi5 launch)", () => {
    expect(
      readCmi5Launch(`?endpoint=e&actor=${enc(JSON.stringify(cmi5Actor))}&registration=${REG}&activity_id=x`),
    ).toBeUndefined();
  });
});

describe("LMS.LaunchData checks (cmi5 §10; issue 12)", () => {
  const template = { contextTemplate: { extensions: {} }, launchMode: "Normal", moveOn: "Passed" } as const;

  it("uses a masteryScore only from 0 to 1", () => {
    for (const ok of [0, 0.5, 1]) expect(checkedMasteryScore(ok)).toBe(ok);
    for (const bad of [2, -1, 1.0001, Number.NaN, Number.POSITIVE_INFINITY, "0.8", null, undefined])
      expect(checkedMasteryScore(bad), String(bad)).toBeUndefined();
  });

  it("follows only http(s) return URLs", () => {
    const base = "https://content.example.com/au/index.html";
    expect(checkedReturnUrl("https://lms.example.com/course?x=1", base)).toBe("https://lms.example.com/course?x=1");
    expect(checkedReturnUrl("/back", base)).toBe("https://content.example.com/back");
    for (const bad of [
      "javascript:alert(document.cookie)",
      " JavaScript:alert(1)",
      "data:text/html,<b>x",
      "vbscript:x",
      "",
      42,
    ])
      expect(checkedReturnUrl(bad, base), String(bad)).toBeUndefined();
  });

  it("leaves out what it cannot use and keeps the rest", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const data = checkedLaunchData(
      { ...template, masteryScore: 2, returnURL: "javascript:alert(1)" },
      "https://a.example/",
    );
    expect(data).toEqual(template);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    expect(
      checkedLaunchData({ ...template, masteryScore: 0.8, returnURL: "https://lms.example/" }, "https://a.example/"),
    ).toEqual({ ...template, masteryScore: 0.8, returnURL: "https://lms.example/" });
  });
});
