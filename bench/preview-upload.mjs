// The preview's memory under an oversized upload: a 400 MB body streamed (chunked, no
// Content-Length) to its LRS's statements endpoint, which must answer 413 without keeping it. Prints
// the peak memory (max RSS) of the process before and after, and the answer. Runs in its own process
// so the peak is this measurement's alone.
// Alone: node bench/preview-upload.mjs [MB]
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const GOLF = path.join(root, "test", "fixtures", "conformance-samples", "scorm12", "ContentPackagingSingleSCO_SCORM12");

const script = (megabytes) => `
  import { request } from "node:http";
  const { startPreview } = await import(${JSON.stringify(new URL("../lib/preview.js", import.meta.url).href)});
  const preview = await startPreview({ source: ${JSON.stringify(GOLF)} });
  const port = Number(new URL(preview.url).port);
  const launch = new URL(preview.lms.tinCanLaunch({
    contentUrl: "http://127.0.0.1:" + port + "/course/index.html",
    actor: { objectType: "Agent", name: "Bench", account: { homePage: "https://lms.example.com", name: "b" } },
    activityId: "https://example.com/bench",
  }));
  const before = process.resourceUsage().maxRSS / 1024;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const status = await new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/xapi/statements", headers: {
      Authorization: launch.searchParams.get("auth"), "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json",
    } }, (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
    req.on("error", (e) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
    // Closed without an answer: fail rather than wait forever (after an answer this does nothing).
    req.on("close", () => reject(new Error("the preview closed the connection without an answer")));
    let sent = 0;
    const pump = () => {
      while (sent < ${megabytes}) { sent++; if (!req.write(chunk)) return void req.once("drain", pump); }
      req.end();
    };
    pump();
  });
  const after = process.resourceUsage().maxRSS / 1024;
  await preview.close();
  console.log(JSON.stringify({ status, beforeMB: before, peakMB: after }));`;

export function measurePreviewUpload(megabytes = 400) {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script(megabytes)], { encoding: "utf8" });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (!line.startsWith("{")) throw new Error(`the preview upload bench failed\n${child.stderr}`);
  return { megabytes, ...JSON.parse(line) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measurePreviewUpload(Number(process.argv[2] ?? 400));
  console.log(
    `${r.megabytes} MB POST to the preview's LRS: HTTP ${r.status}; peak memory ${r.beforeMB.toFixed(0)} MB before, ${r.peakMB.toFixed(0)} MB after`,
  );
}
