// readability.js - run Mozilla Readability (with jsdom) over pages, one
// process, one page at a time, timing each page: gunzip, DOM parse,
// Readability.parse().
//
// usage: node readability.js OUTDIR FILE...
// Writes OUTDIR/<id>.txt (textContent) and OUTDIR/<id>.json (title, date,
// author) and prints: pages=N failed=N total_ms=T median_ms=M maxrss_kb=K
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node readability.js OUTDIR FILE...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });


const times = [];
let failed = 0;
for (const file of files) {
  const id = path.basename(file).split('.')[0];
  const raw = fs.readFileSync(file);
  const t0 = process.hrtime.bigint();
  let article = null;
  try {
    const html = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw;
    // A Buffer lets jsdom sniff the encoding (BOM, <meta charset>) as a browser would.
    // A fresh, silent console per page: page scripts and CSS errors stay quiet,
    // and a shared one would keep every window alive through its listeners.
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    article = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) {
    console.error(`readability: ${file}: ${e.message}`);
    failed++;
    continue;
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const a = article || {};
  fs.writeFileSync(path.join(outDir, id + '.txt'), a.textContent || '');
  fs.writeFileSync(path.join(outDir, id + '.json'),
    JSON.stringify({ title: a.title || null, date: a.publishedTime || null, author: a.byline || null }));
}
times.sort((x, y) => x - y);
const n = times.length;
const total = times.reduce((s, t) => s + t, 0);
const median = n ? (n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2) : 0;
console.log(`pages=${n} failed=${failed} total_ms=${total.toFixed(1)} ` +
  `median_ms=${median.toFixed(3)} maxrss_kb=${process.resourceUsage().maxRSS}`);
