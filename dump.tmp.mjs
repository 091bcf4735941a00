import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
const doc = new DOMParser().parseFromString(readFileSync(process.argv[2], "utf8"), "text/xml");
const fileFilter = process.argv[3];
function compact(node) {
  let out = "";
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out += c.nodeValue;
    else if (c.localName === "pc") out += `{${c.getAttribute("id")}}${compact(c)}{/${c.getAttribute("id")}}`;
    else if (c.localName === "ph") out += `{${c.getAttribute("id")}/}`;
  }
  return out;
}
for (const f of Array.from(doc.getElementsByTagName("file"))) {
  if (fileFilter && !f.getAttribute("id").includes(fileFilter)) continue;
  console.log(`## ${f.getAttribute("id")}`);
  for (const u of Array.from(f.getElementsByTagName("unit"))) {
    const ph = Array.from(u.getElementsByTagName("ph")).map(p => `${p.getAttribute("id")}=${p.getAttribute("disp")}`).join(" ");
    console.log(`${u.getAttribute("id")}\t${compact(u.getElementsByTagName("source")[0])}${ph ? `\t[${ph}]` : ""}`);
  }
}
