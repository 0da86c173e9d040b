// app.js - the review desk's page. Everything from the store or a page
// is put in with textContent, never as markup: a title holding <script>
// stays text.
'use strict';
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };

  async function api(method, path, body, raw) {
    const opts = { method, headers: {}, credentials: 'same-origin' };
    if (method !== 'GET') {
      opts.headers['X-CSRF-Token'] = csrf;
      if (raw) {
        opts.headers['Content-Type'] = 'application/octet-stream';
        opts.body = raw;
      } else {
        opts.headers['Content-Type'] = 'application/json';
        opts.body = JSON.stringify(body || {});
      }
    }
    const r = await fetch(path, opts);
    let data = {};
    try { data = await r.json(); } catch (e) { data = { error: 'bad answer (' + r.status + ')' }; }
    if (!r.ok) { const err = new Error(data.error || r.statusText); err.data = data; err.status = r.status; throw err; }
    return data;
  }

  // ------------------------------------------------------------- inbox
  let next = null;
  function filters() {
    const p = new URLSearchParams();
    const put = (k, v) => { if (v) p.set(k, v); };
    put('q', $('search').value.trim());
    put('org', $('f-org').value);
    put('license', $('f-license').value);
    put('status', $('f-status').value);
    put('from', $('f-from').value);
    put('to', $('f-to').value);
    return p;
  }

  function row(a) {
    const tr = el('tr');
    tr.dataset.id = a.id;
    const t = el('td');
    const link = el('a', 'row-title', a.title || a.url || '(untitled)');
    link.href = '#/article/' + a.id;
    t.appendChild(link);
    if (a.dups) t.appendChild(el('span', 'dups', ' +' + a.dups + ' near-duplicate' + (a.dups > 1 ? 's' : '')));
    if (a.snippet) t.appendChild(el('div', 'lead', a.snippet));
    tr.appendChild(t);
    tr.appendChild(el('td', '', a.org || ''));
    tr.appendChild(el('td', '', (a.date || '').slice(0, 10)));
    tr.appendChild(el('td', '', a.license || 'none'));
    const st = el('td');
    st.appendChild(el('span', 'badge ' + a.status, a.status));
    tr.appendChild(st);
    return tr;
  }

  async function loadInbox(more) {
    const p = filters();
    if (more && next) p.set('cursor', next);
    const body = document.querySelector('#inbox tbody');
    try {
      const data = await api('GET', '/api/articles?' + p.toString());
      if (!more) body.textContent = '';
      data.articles.forEach((a) => body.appendChild(row(a)));
      next = data.next;
      $('more').hidden = !next;
      $('inbox-count').textContent = body.children.length + ' article' +
        (body.children.length === 1 ? '' : 's') + (next ? ' shown (more below)' : '');
    } catch (e) {
      $('inbox-count').textContent = e.message;
    }
  }

  async function loadFacets() {
    try {
      const f = await api('GET', '/api/facets');
      const fill = (sel, list) => list.forEach((x) => {
        if (!x.value) return;
        const o = el('option', '', x.value + ' (' + x.count + ')');
        o.value = x.value;
        sel.appendChild(o);
      });
      fill($('f-org'), f.orgs);
      fill($('f-license'), f.licenses);
    } catch (e) { /* the inbox says what is wrong */ }
  }

  // ----------------------------------------------------------- article
  let current = null; // the article shown
  let checkTimer = null, checkSeq = 0, flagged = 0;

  function meta(dl, k, v, href) {
    if (!v) return;
    dl.appendChild(el('dt', '', k));
    const dd = el('dd');
    if (href && /^https?:\/\//.test(v)) {
      const a = el('a', '', v);
      a.href = v;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      dd.appendChild(a);
    } else {
      dd.textContent = v;
    }
    dl.appendChild(dd);
  }

  // The documents the page links that were stored (ingest --attachments):
  // the file, its kind, its own article in the desk.
  function showAttachments(list) {
    const box = $('attachments');
    box.textContent = '';
    box.hidden = !list.length;
    if (!list.length) return;
    box.appendChild(el('h2', '', 'Attachments'));
    const ul = el('ul');
    list.forEach((x) => {
      const li = el('li');
      li.appendChild(el('span', 'kind', x.kind));
      li.appendChild(document.createTextNode(' '));
      if (/^https?:\/\//.test(x.url)) {
        const a = el('a', 'file', x.name || x.url);
        a.href = x.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', 'file', x.name || x.url));
      }
      if (x.id) {
        li.appendChild(document.createTextNode(' '));
        const open = el('a', 'open', 'open its article');
        open.href = '#/article/' + x.id;
        li.appendChild(open);
      } else if (x.error) {
        li.appendChild(el('span', 'error', ' ' + x.error));
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function showSource(src) {
    $('article-title').textContent = src.title || '(untitled)';
    const dl = $('meta');
    dl.textContent = '';
    meta(dl, 'Date', src.date);
    meta(dl, 'Organisation', src.org);
    meta(dl, 'Author', src.author);
    meta(dl, 'Licence', src.license || 'none stated');
    meta(dl, 'Department', src.department);
    meta(dl, 'Contact', src.contact);
    meta(dl, 'Source', src.url, true);
    if (src.attachment_of) {
      // an attachment: the page that links it, in the desk when stored
      dl.appendChild(el('dt', '', 'Attachment of'));
      const dd = el('dd');
      const a = el('a', '', src.attachment_of.url);
      if (src.attachment_of.id) a.href = '#/article/' + src.attachment_of.id;
      dd.appendChild(a);
      dl.appendChild(dd);
      meta(dl, 'Document', src.attachment_of.document_url, true);
    }
    showAttachments(src.attachments || []);
    const body = $('source-body');
    body.textContent = '';
    src.paragraphs.forEach((p) => {
      if (p.table) {
        const t = el('table');
        for (let i = 0; i < p.table.length; i += p.cols) {
          const tr = el('tr');
          p.table.slice(i, i + p.cols).forEach((c) => tr.appendChild(el(i ? 'td' : 'th', '', c)));
          t.appendChild(tr);
        }
        body.appendChild(t);
        return;
      }
      const para = el('p');
      p.sentences.forEach((s, i) => {
        if (i) para.appendChild(document.createTextNode(' '));
        para.appendChild(el('span', 's', s));
      });
      body.appendChild(para);
    });
  }

  // Characters shared, as bigrams: enough to find the source sentence a
  // post sentence came from when no fact names it.
  function bigrams(s) {
    const set = new Set();
    const t = s.replace(/\s+/g, '');
    for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
    return set;
  }
  function nearestSource(text, named) {
    const spans = Array.from(document.querySelectorAll('#source-body .s'));
    if (named) {
      const hit = spans.find((s) => s.textContent === named) ||
        spans.find((s) => named.includes(s.textContent) || s.textContent.includes(named));
      if (hit) return hit;
    }
    const a = bigrams(text);
    let best = null, bestScore = 0.2;
    spans.forEach((s) => {
      const b = bigrams(s.textContent);
      let shared = 0;
      a.forEach((x) => { if (b.has(x)) shared++; });
      const score = shared / Math.max(1, Math.min(a.size, b.size));
      if (score > bestScore) { best = s; bestScore = score; }
    });
    return best;
  }

  function highlight(li) {
    document.querySelectorAll('#source-body .s.hl').forEach((s) => s.classList.remove('hl'));
    const s = nearestSource(li.dataset.text, li.dataset.source);
    if (s) {
      s.classList.add('hl');
      s.scrollIntoView({ block: 'nearest' });
    }
  }

  // A fact's span is in UTF-8 bytes of its sentence.
  const enc = new TextEncoder(), dec = new TextDecoder();
  function byteSlice(s, a, b) { return dec.decode(enc.encode(s).slice(a, b)); }

  function sentenceItem(s) {
    const bad = s.facts.filter((f) => f.verdict !== 'supported');
    const li = el('li', s.verdict === 'none' ? 'none' : bad.length ? 'bad' : 'ok');
    li.tabIndex = 0;
    li.dataset.text = s.text;
    const named = (bad[0] && bad[0].source_sentence) || s.source_sentence;
    if (named) li.dataset.source = named;
    // the sentence, its first flagged fact marked where it stands
    const f = bad.find((x) => x.end > x.start);
    if (f) {
      const bytes = enc.encode(s.text);
      li.appendChild(document.createTextNode(dec.decode(bytes.slice(0, f.start))));
      li.appendChild(el('mark', '', byteSlice(s.text, f.start, f.end)));
      li.appendChild(document.createTextNode(dec.decode(bytes.slice(f.end))));
    } else {
      li.appendChild(document.createTextNode(s.text));
    }
    bad.forEach((x) => {
      const why = x.verdict + ': ' + x.text + ' — ' + (x.note || (x.verdict === 'unsupported' ? 'the source does not say this' : 'the source says otherwise'));
      li.appendChild(el('span', 'reason', why));
      if (x.source_sentence) li.appendChild(el('span', 'nearest', 'source: ' + x.source_sentence));
    });
    li.title = bad.length ? bad.map((x) => x.verdict + ': ' + x.text + (x.note ? ' (' + x.note + ')' : '')).join('\n')
      : s.verdict === 'supported' ? 'every fact found in the source' : 'no fact to check';
    li.addEventListener('mouseenter', () => highlight(li));
    li.addEventListener('focus', () => highlight(li));
    li.addEventListener('click', () => highlight(li));
    return li;
  }

  function showCheck(c) {
    const ol = $('checked');
    ol.textContent = '';
    if (!c || c.error) {
      $('check-summary').textContent = c ? 'check: ' + c.error : '';
      flagged = c ? 1 : 0;
    } else {
      c.sentences.forEach((s) => ol.appendChild(sentenceItem(s)));
      flagged = c.unsupported + c.contradicted;
      $('check-summary').textContent = c.supported + ' supported, ' + c.unsupported +
        ' unsupported, ' + c.contradicted + ' contradicted';
    }
    $('publish').disabled = flagged > 0;
    $('publish').title = flagged > 0 ? 'fix the flagged facts first' : '';
  }

  function showPost(p) {
    $('editor').value = p.text || '';
    const err = $('post-error');
    err.hidden = !p.error;
    err.textContent = p.error || '';
    if (p.format) $('p-format').value = p.format;
  }

  function setStatus(s) {
    const b = $('article-status');
    b.textContent = s;
    b.className = 'badge ' + s;
  }

  async function openArticle(id) {
    $('inbox-view').hidden = true;
    $('article-view').hidden = false;
    $('publish-msg').textContent = '';
    try {
      const a = await api('GET', '/api/article/' + id);
      current = a;
      setStatus(a.status);
      showSource(a.source);
      showPost(a.post);
      showCheck(a.check);
      const d = $('dups');
      d.textContent = '';
      if (a.dups.length) {
        d.appendChild(document.createTextNode(' near-duplicates: '));
        a.dups.forEach((x) => {
          const link = el('a', '', (x.original ? 'original: ' : '') + (x.title || x.url));
          link.href = '#/article/' + x.id;
          d.appendChild(link);
          d.appendChild(document.createTextNode(' '));
        });
      }
    } catch (e) {
      $('article-title').textContent = e.message;
    }
  }

  function postOptions() {
    return { format: $('p-format').value, style: $('p-style').value, mode: $('p-mode').value };
  }

  async function recheck() {
    if (!current) return;
    const seq = ++checkSeq, text = $('editor').value, id = current.id;
    try {
      const c = await api('POST', '/api/check', { id, text });
      if (seq === checkSeq) showCheck(c);
      await api('POST', '/api/draft/' + id, Object.assign({ text }, { format: $('p-format').value }));
      if (seq === checkSeq && current.status !== 'published') setStatus(current.status = 'drafted');
    } catch (e) {
      if (seq === checkSeq) showCheck({ error: e.message });
    }
  }

  $('editor').addEventListener('input', () => {
    clearTimeout(checkTimer);
    $('check-summary').textContent = 'checking…';
    checkTimer = setTimeout(recheck, 400);
  });

  $('recompose').addEventListener('click', async () => {
    if (!current) return;
    try {
      const r = await api('POST', '/api/post/' + current.id, postOptions());
      showPost(r.post);
      showCheck(r.check);
    } catch (e) { $('post-error').hidden = false; $('post-error').textContent = e.message; }
  });

  $('publish').addEventListener('click', async () => {
    if (!current) return;
    const msg = $('publish-msg');
    msg.textContent = 'publishing…';
    try {
      const r = await api('POST', '/api/publish/' + current.id,
        Object.assign({ text: $('editor').value }, postOptions()));
      msg.textContent = 'published: ' + r.path;
      setStatus(current.status = 'published');
    } catch (e) {
      msg.textContent = e.message;
      if (e.data && e.data.check) showCheck(e.data.check);
    }
  });

  $('refuse').addEventListener('click', async () => {
    if (!current) return;
    try {
      await api('POST', '/api/status/' + current.id, { status: 'refused' });
      setStatus(current.status = 'refused');
    } catch (e) { $('publish-msg').textContent = e.message; }
  });

  // --------------------------------------------------------------- add
  $('add-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const url = $('add-url').value.trim();
    if (!url) return;
    $('add-msg').textContent = 'fetching…';
    try {
      const r = await api('POST', '/api/add', { url });
      $('add-msg').textContent = r.new ? 'added' : 'already in the store';
      location.hash = '#/article/' + r.id;
    } catch (e) { $('add-msg').textContent = e.message; }
  });
  $('add-file').addEventListener('change', async () => {
    const f = $('add-file').files[0];
    if (!f) return;
    $('add-msg').textContent = 'reading ' + f.name + '…';
    try {
      const r = await api('POST', '/api/add?name=' + encodeURIComponent(f.name), null, f);
      $('add-msg').textContent = r.new ? 'added' : 'already in the store';
      location.hash = '#/article/' + r.id;
    } catch (e) { $('add-msg').textContent = e.message; }
  });

  // ------------------------------------------------------------ routing
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (location.hash !== '#/' && location.hash !== '') location.hash = '#/';
    else loadInbox(false);
  });
  ['f-org', 'f-license', 'f-status', 'f-from', 'f-to'].forEach((id) =>
    $(id).addEventListener('change', () => loadInbox(false)));
  $('more').addEventListener('click', () => loadInbox(true));

  function route() {
    const m = /^#\/article\/(\d+)$/.exec(location.hash);
    if (m) {
      openArticle(m[1]);
    } else {
      current = null;
      $('article-view').hidden = true;
      $('inbox-view').hidden = false;
      loadInbox(false);
    }
  }
  window.addEventListener('hashchange', route);
  loadFacets();
  route();
})();
