// desk.test.js URL SITE_DIR ARTIFACTS - the review desk's scenarios
// (issue #18) in chromium: each step says what it checks and fails loudly.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [url, site, out] = process.argv.slice(2);
let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // 1. The inbox lists the ingested examples, newest first.
    await page.goto(url);
    await page.waitForSelector('#inbox tbody tr');
    const titles = await page.$$eval('#inbox .row-title', (as) => as.map((a) => a.textContent));
    check(titles.some((t) => t.includes('바다숲')), 'inbox lists the 바다숲 release');
    check(titles.some((t) => t.includes('청년 귀어인')), 'inbox lists the newspaper article');
    check(titles.some((t) => t.includes('전세사기')), 'inbox lists the portal article');
    check(titles.filter((t) => t.includes('바다숲')).length === 1,
      'the two copies of the release are one row (near-duplicates grouped)');
    await page.screenshot({ path: path.join(out, 'inbox.png') });

    // 2. A page whose title holds <script> renders as text.
    const scriptRow = titles.find((t) => t.includes('<script>'));
    check(!!scriptRow, 'a <script> title is shown as text in the inbox');
    check(await page.evaluate(() => window.pwned === undefined), 'and never runs');
    check(await page.$$eval('#inbox script', (s) => s.length) === 0, 'no script element in the inbox');

    // 3. Search finds a word.
    await page.fill('#search', '귀어인');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#inbox .row-title');
      return rows.length === 1 && rows[0].textContent.includes('귀어인');
    }, null, { timeout: 5000 }).then(() => check(true, 'search 귀어인 finds the one article'),
      () => check(false, 'search 귀어인 finds the one article'));
    await page.fill('#search', '');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#inbox tbody tr').length >= 4);

    // 4. Open an article: the source beside its post, sentences checked.
    await page.click('#inbox .row-title >> text=바다숲');
    await page.waitForSelector('#checked li');
    check((await page.textContent('#article-title')).includes('바다숲'), 'the article opens with its title');
    check(await page.$$eval('#source-body .s', (s) => s.length) > 5, 'the source is shown sentence by sentence');
    check(await page.$$eval('#checked li.bad', (l) => l.length) === 0, 'the composed post has no flagged sentence');
    check(await page.$$eval('#checked li.ok', (l) => l.length) > 3, 'its sentences are green');
    await page.focus('#checked li.ok');
    check(await page.$$eval('#source-body .s.hl', (l) => l.length) === 1,
      'focusing a post sentence highlights its source sentence');
    await page.screenshot({ path: path.join(out, 'article.png'), fullPage: false });

    // 5. An invented minister's name: the sentence turns red, the reason shown.
    const original = await page.inputValue('#editor');
    const invented = original.replace('바다숲은 해조류와', '박철수 해양수산부 장관은 "바다숲은 해조류와')
      .replace('기후위기 대응에도 기여한다.', '기후위기 대응에도 기여한다"고 말했다.');
    check(invented !== original, 'the edit applies');
    await page.fill('#editor', invented);
    await page.waitForSelector('#checked li.bad', { timeout: 10000 });
    const bad = await page.textContent('#checked li.bad');
    check(bad.includes('박철수'), 'the sentence with the invented name is red');
    check(/unsupported: 박철수/.test(bad), 'with the reason: ' + bad.split('unsupported:')[1].slice(0, 60).trim());
    check(await page.$eval('#publish', (b) => b.disabled), 'Publish is disabled while a fact is flagged');
    await page.screenshot({ path: path.join(out, 'flagged.png') });

    // Publishing anyway (through the API, as a script could) is refused.
    const forced = await page.evaluate(async (text) => {
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const id = location.hash.split('/').pop();
      const r = await fetch('/api/publish/' + id, { method: 'POST',
        headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }) });
      return r.status;
    }, invented);
    check(forced === 409, 'the server refuses to publish a flagged post (409)');

    // 6. Fix it: green again.
    await page.fill('#editor', original);
    await page.waitForFunction(() => document.querySelectorAll('#checked li.bad').length === 0 &&
      !document.querySelector('#publish').disabled, null, { timeout: 10000 })
      .then(() => check(true, 'after the fix no sentence is red and Publish is enabled'),
        () => check(false, 'after the fix no sentence is red and Publish is enabled'));

    // 7. Publish: the file in the site with its front matter; jekyll builds it.
    await page.click('#publish');
    await page.waitForFunction(() => /^published: /.test(document.querySelector('#publish-msg').textContent),
      null, { timeout: 10000 }).catch(() => {});
    const msg = await page.textContent('#publish-msg');
    check(msg.startsWith('published: _posts/'), 'Publish says where: ' + msg);
    const rel = msg.replace('published: ', '');
    const file = path.join(site, rel);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    check(text.startsWith('---\n') && /\ntitle: .*바다숲/.test(text) && /\nsource_url: /.test(text),
      'the post file exists with its front matter');
    check((await page.textContent('#article-status')) === 'published', 'the article is marked published');
    try {
      execFileSync('jekyll', ['build', '--quiet', '-s', site, '-d', path.join(site, '_site')],
        { stdio: 'pipe', timeout: 120000 });
      check(fs.readdirSync(path.join(site, '_site')).length > 0, 'jekyll build of the site succeeds');
    } catch (e) {
      check(false, 'jekyll build of the site succeeds: ' + String(e.stderr || e.message).slice(0, 300));
    }

    // 8. The <script> article's own view keeps its title as text.
    await page.goto(url + '#/');
    await page.waitForSelector('#inbox tbody tr');
    await page.click('#inbox .row-title >> text=섬마을 보건소');
    await page.waitForSelector('#checked li');
    // (the view may still show the article before it until this one's
    // answer arrives: on a loaded machine the title was read too early)
    await page.waitForFunction(() => document.querySelector('#article-title').textContent.includes('섬마을'),
      null, { timeout: 10000 }).catch(() => {});
    const t = await page.textContent('#article-title');
    check(t.includes('<script>window.pwned=1</script>'), 'the article title shows <script> as text');
    check(await page.evaluate(() => window.pwned === undefined), 'and it never runs');

    // 9. A POST without the token is refused (and with a wrong one).
    const statuses = await page.evaluate(async () => {
      const id = location.hash.split('/').pop();
      const body = JSON.stringify({ status: 'refused' });
      const a = await fetch('/api/status/' + id, { method: 'POST', body,
        headers: { 'Content-Type': 'application/json' } });
      const b = await fetch('/api/status/' + id, { method: 'POST', body,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': '0'.repeat(32) } });
      return [a.status, b.status];
    });
    check(statuses[0] === 403 && statuses[1] === 403, 'POST without or with a wrong token: 403 (' + statuses + ')');

    // 10. A release page lists its attachment; the attachment opens as its
    // own article, with the press block's department and its page.
    const river = await page.evaluate(async () => {
      const r = await fetch('/api/articles?limit=200');
      const a = (await r.json()).articles.find((x) => /river\.html$/.test(x.url));
      return a && a.id;
    });
    await page.goto(url + '#/article/' + river);
    await page.waitForSelector('#attachments li');
    const att = await page.textContent('#attachments');
    check(/HWPX\s*release\.hwpx/.test(att) && /open its article/.test(att),
      'the article lists its HWPX attachment: ' + att.slice(0, 80));
    await page.click('#attachments a.open');
    await page.waitForFunction(() => /물환경정책과/.test(document.querySelector('#meta').textContent),
      null, { timeout: 10000 }).then(() => check(true, 'the attachment opens with its department'),
      () => check(false, 'the attachment opens with its department'));
    check(/Attachment of/.test(await page.textContent('#meta')), 'and names the page it is attached to');
    await page.screenshot({ path: path.join(out, 'attachment.png') });
    check(errors.length === 0, 'no script error on the page' + (errors.length ? ': ' + errors[0] : ''));
  } catch (e) {
    check(false, 'the scenario ran to its end: ' + e.message);
    await page.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  console.log(failures ? failures + ' check(s) failed' : 'all checks passed; screenshots in ' + out);
  process.exit(failures ? 1 : 0);
})();
