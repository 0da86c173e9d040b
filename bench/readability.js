// readability.js - run Mozilla Readability (with jsdom) over pages, one
// page at a time, timing each page: gunzip, DOM parse, Readability.parse().
//
// usage: node readability.js OUTDIR FILE...
// Writes OUTDIR/<id>.txt (textContent) and OUTDIR/<id>.json (title, date,
// author) and prints: pages=N failed=N total_ms=T median_ms=M maxrss_kb=K
//
// jsdom keeps some memory of every window it made, closed or not (about
// 2-10 MB a page here; workers of 100 pages ran out of a 1 GB heap). So the
// pages go to worker processes, CHUNK (default 25) pages each, one after
// the other: still one page at a time, and start-up is not timed.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

function extractAll(outDir, files) {
  const { JSDOM, VirtualConsole } = require('jsdom');
  const { Readability } = require('@mozilla/readability');
  const times = [];
  let failed = 0;
  for (const file of files) {
    const id = path.basename(file).split('.')[0];
    const raw = fs.readFileSync(file);
    const t0 = process.hrtime.bigint();
    let article = null;
    try {
      const html = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw;
      // A Buffer lets jsdom sniff the encoding (BOM, <meta charset>) as a
      // browser would; a silent console per page keeps page errors quiet.
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
  return { times, failed, maxRSS: process.resourceUsage().maxRSS };
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') { // worker: report as JSON on stdout
    process.stdout.write(JSON.stringify(extractAll(args[1], args.slice(2))));
    return;
  }
  const [outDir, ...files] = args;
  if (!outDir || files.length === 0) {
    console.error('usage: node readability.js OUTDIR FILE...');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const chunk = Number(process.env.CHUNK) || 25;
  const times = [];
  let failed = 0, maxRSS = 0;
  const work = (part) => {
    const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--worker', outDir, ...part],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    try {
      return JSON.parse(r.stdout.toString());
    } catch (e) {
      return null; // the worker died (out of memory): its pages are retried
    }
  };
  for (let i = 0; i < files.length; i += chunk) {
    const part = files.slice(i, i + chunk);
    // A worker that dies takes its whole chunk with it: redo those pages
    // one worker each, so that only pages that fail on their own count.
    const results = [work(part)];
    if (!results[0]) {
      console.error(`readability: worker for pages ${i + 1}-${i + part.length} died; one page per worker`);
      results.splice(0, 1, ...part.map((f) => work([f]) || { times: [], failed: 1, maxRSS: 0 }));
    }
    for (const res of results) {
      times.push(...res.times);
      failed += res.failed;
      maxRSS = Math.max(maxRSS, res.maxRSS);
    }
  }
  times.sort((x, y) => x - y);
  const n = times.length;
  const total = times.reduce((s, t) => s + t, 0);
  const median = n ? (n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2) : 0;
  console.log(`pages=${n} failed=${failed} total_ms=${total.toFixed(1)} ` +
    `median_ms=${median.toFixed(3)} maxrss_kb=${maxRSS}`);
}

main();
