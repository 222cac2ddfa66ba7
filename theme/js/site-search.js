// The search of the whole portal on /tim-kiem/. The page works without this
// file: the form submits, and the page lists routes (categories, the archive
// by month, the procedure index). Nothing of the index is fetched until the
// first keystroke or an address with ?q=; then only the manifest and the
// shards the query's words need (plugins/site_search/index.py says how the
// index is cut). Folding and query handling are query.js, shared with the
// procedure search.

import { byLength, queryTokens, readParams, searchFold, searchWords, syncUrl, termCandidates, variants } from "./query.js";

const INDEX_VERSION = 1;
const PAGE_SIZE = 10;
const MAX_EXPANSIONS = 40; // index terms one prefix or typo may stand for
const TITLE_WEIGHT = 10; // a posting of this weight is a title word

// FNV-1a over code points, as plugins/site_search/index.py term_hash.
export function termHash(term) {
  let value = 0x811c9dc5;
  for (const ch of term) {
    value ^= ch.codePointAt(0);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value >>> 0;
}

export class SiteIndex {
  constructor(manifest, root) {
    if (manifest.v !== INDEX_VERSION) throw new Error(`site index v${manifest.v}, expected v${INDEX_VERSION}`);
    this.m = manifest;
    this.root = root;
    this.files = new Map();
    this.stop = new Set(manifest.stop);
    this.stopFolded = new Set(manifest.stop.map(searchFold));
    this.loaded = []; // addresses fetched, for the tests and the bench
  }

  static async load(url, root) {
    const index = new SiteIndex(await (await fetch(url)).json(), root);
    index.loaded.push(url);
    return index;
  }

  file(name) {
    if (!this.files.has(name)) {
      const digest = this.m.files[name];
      if (digest === undefined) {
        // No term of the site falls in this file: nothing to fetch.
        this.files.set(name, Promise.resolve({}));
      } else {
        const url = `${this.root}/tim-kiem/${name}.${digest}.json`;
        this.loaded.push(url);
        this.files.set(
          name,
          fetch(url).then((r) => (r.ok ? r.json() : {})),
        );
      }
    }
    return this.files.get(name);
  }

  shardName(term) {
    return `t${termHash(term) % this.m.shards}`;
  }

  // Postings of terms, fetched together: Map term → [[doc, weight], …].
  async postings(terms) {
    const shards = await Promise.all(terms.map((t) => this.file(this.shardName(t))));
    const found = new Map();
    terms.forEach((term, i) => {
      const flat = shards[i][term];
      if (!flat) return;
      const list = [];
      let doc = 0;
      for (let j = 0; j < flat.length; j += 2) {
        doc += flat[j];
        list.push([doc, flat[j + 1]]);
      }
      found.set(term, list);
    });
    return found;
  }

  async vocabulary(first) {
    const code = first.codePointAt(0).toString(16);
    if (!this.m.vocab.includes(code)) return [];
    return this.file(`v-${code}`);
  }

  // The index terms each query word stands for, with how sure each is.
  async expand(tokens) {
    const direct = await this.postings([...new Set(tokens.flatMap((t) => variants(t.word)))]);
    await Promise.all(
      tokens.map(async (token) => {
        const forms = variants(token.word);
        let terms = [];
        if (!forms.some((f) => direct.has(f))) terms = await this.vocabulary(token.folded[0] || "");
        const lengths = byLength(terms);
        const lookup = { has: (t) => direct.has(t), terms: () => terms, ofLength: (n) => lengths.get(n) || [] };
        token.terms = termCandidates(token.word, token.last, lookup)
          .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
          .slice(0, MAX_EXPANSIONS);
      }),
    );
    const more = await this.postings(tokens.flatMap((t) => t.terms.map(([term]) => term)).filter((t) => !direct.has(t)));
    for (const [term, list] of more) direct.set(term, list);
    return direct;
  }

  // Docs matching the query, best first: [{id, score}], and the terms matched.
  async search(query, facets = {}) {
    const tokens = queryTokens(query, this.stop, this.stopFolded);
    // Unmarked words that may be question words ("thu", "lam") still count
    // where the index has them (question words are indexed in titles only),
    // but never block a match.
    for (const token of tokens) if (token.maybeStop) token.weight = 0.6;
    if (!tokens.length) return { hits: [], terms: new Set(), counts: this.count([], facets) };
    const postings = await this.expand(tokens);
    // Neighbouring words as typed, side by side in a title, heading, summary…
    const meaningful = tokens.filter((t) => (!t.stop || t.maybeStop) && t.terms.length);
    const pairs = [];
    for (let i = 0; i + 1 < meaningful.length; i++) {
      for (const [a] of meaningful[i].terms.slice(0, 3)) for (const [b] of meaningful[i + 1].terms.slice(0, 3)) pairs.push(`${a} ${b}`);
    }
    const phrases = await this.postings(pairs);
    const n = this.m.n;
    const scores = new Map();
    const counted = tokens.filter((t) => !t.stop).length || tokens.length;
    for (const token of tokens) {
      const best = new Map();
      for (const [term, sureness] of token.terms) {
        const list = postings.get(term) || [];
        const idf = Math.log(1 + n / list.length);
        for (const [doc, weight] of list) {
          const value = weight * idf * sureness;
          if (value > (best.get(doc)?.value || 0)) best.set(doc, { value, title: weight === TITLE_WEIGHT });
        }
      }
      for (const [doc, { value, title }] of best) {
        const entry = scores.get(doc) || { score: 0, matched: 0, inTitle: 0 };
        entry.score += value * token.weight;
        if (!token.stop) entry.matched += 1;
        if (title) entry.inTitle += 1;
        scores.set(doc, entry);
      }
    }
    for (const list of phrases.values()) {
      const idf = Math.log(1 + n / list.length);
      for (const [doc, weight] of list) {
        const entry = scores.get(doc);
        if (entry) entry.score += 0.6 * weight * idf;
      }
    }
    let hits = [];
    for (const [doc, entry] of scores) {
      const coverage = entry.matched / counted;
      // A title the query covers fully beats a longer one that contains it.
      const inTitle = Math.min(1, entry.inTitle / (this.m.l[doc] || 1));
      hits.push({ id: doc, score: entry.score * (0.2 + 0.8 * coverage * coverage) + 12 * inTitle * inTitle });
    }
    // A tie goes to the lower number: pinned first, then the newest.
    hits.sort((x, y) => Math.round(y.score * 10) - Math.round(x.score * 10) || x.id - y.id);
    const top = hits.length ? hits[0].score : 0;
    hits = hits.filter((h) => h.score >= top * 0.15);
    const terms = new Set(tokens.filter((t) => !t.stop).flatMap((t) => t.terms.map(([term]) => term)));
    return { hits: hits.filter((h) => this.passes(h.id, facets)), terms, counts: this.count(hits, facets) };
  }

  facetsOf(doc) {
    return { type: this.m.types[this.m.t[doc]], category: this.m.categories[this.m.c[doc]], year: this.m.years[this.m.y[doc]] };
  }

  passes(doc, facets, except = "") {
    const values = this.facetsOf(doc);
    return ["type", "category", "year"].every((name) => name === except || !facets[name] || values[name] === facets[name]);
  }

  // For each facet, how many hits each value has, given the other facets.
  count(hits, facets) {
    const counts = { type: new Map(), category: new Map(), year: new Map() };
    for (const { id } of hits) {
      const values = this.facetsOf(id);
      for (const name of Object.keys(counts)) {
        if (values[name] && this.passes(id, facets, name)) counts[name].set(values[name], (counts[name].get(values[name]) || 0) + 1);
      }
    }
    return counts;
  }

  // What results show, for docs by number.
  async docs(ids) {
    const size = this.m.bucket;
    const buckets = await Promise.all(ids.map((id) => this.file(`d${Math.floor(id / size)}`)));
    return ids.map((id, i) => {
      const [url, title, type, date, category, text, image] = buckets[i][id % size];
      return { id, url, title, type, date, category, text, image };
    });
  }
}

// ---- Passages ---------------------------------------------------------------

const WORD_SPAN = /[\p{L}\p{N}]+(?:[.,]\d+)*/gu;

// `text` cut into [{text, mark}] runs: words whose folded form is one of
// `terms` are marked.
export function markRuns(text, terms) {
  const runs = [];
  let at = 0;
  for (const match of text.matchAll(WORD_SPAN)) {
    const folded = searchWords(match[0]).map(searchFold).join("");
    if (!terms.has(folded)) continue;
    if (match.index > at) runs.push({ text: text.slice(at, match.index), mark: false });
    runs.push({ text: match[0], mark: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs;
}

// About `size` words of `text` around the densest run of matched words.
export function passage(text, terms, size = 28) {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= size) return text;
  const hit = words.map((w) => (searchWords(w[0]).some((x) => terms.has(searchFold(x))) ? 1 : 0));
  let best = 0;
  let bestAt = 0;
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    sum += hit[i] - (i >= size ? hit[i - size] : 0);
    if (sum > best) [best, bestAt] = [sum, Math.max(0, i - size + 1)];
  }
  const start = words[bestAt].index;
  const last = words[Math.min(words.length, bestAt + size) - 1];
  const end = last.index + last[0].length;
  return `${start > 0 ? "… " : ""}${text.slice(start, end)}${end < text.length ? " …" : ""}`;
}

// Text runs into an element: <mark> made by the DOM, text as text.
function fillMarked(element, text, terms) {
  element.replaceChildren(
    ...markRuns(text, terms).map((run) => {
      if (!run.mark) return document.createTextNode(run.text);
      const mark = document.createElement("mark");
      mark.textContent = run.text;
      return mark;
    }),
  );
}

// ---- Page behaviour ---------------------------------------------------------

function formatDate(iso) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

// One result: a copy of the server's <template data-result-template>
// (components/portal_search.html), its slots filled with text only.
function resultItem(template, doc, terms) {
  const item = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  const link = slot("title");
  link.href = doc.url;
  fillMarked(link, doc.title, terms);
  slot("type").textContent = doc.type;
  const date = slot("date");
  if (doc.date) {
    const time = document.createElement("time");
    time.dateTime = doc.date;
    time.textContent = formatDate(doc.date);
    date.replaceWith(time);
  } else date.parentElement.remove();
  const category = slot("category");
  if (doc.category && doc.category !== doc.type) category.textContent = doc.category;
  else category.parentElement.remove();
  fillMarked(slot("passage"), passage(doc.text, terms), terms);
  if (doc.image) {
    const [src, alt, width, height] = doc.image;
    const image = document.createElement("img");
    Object.assign(image, { className: "portal-search__image", src, alt, loading: "lazy", decoding: "async" });
    if (width) Object.assign(image, { width, height }); // its box kept while it loads
    item.prepend(image);
    item.classList.add("portal-search__result--with-image");
  }
  for (const element of item.querySelectorAll("[data-slot]")) element.removeAttribute("data-slot");
  return item;
}

function fillFacet(select, values, counts, chosen) {
  const first = select.options[0];
  const options = values
    .filter((value) => counts.has(value) || value === chosen)
    .map((value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${counts.get(value) || 0})`;
      return option;
    });
  select.replaceChildren(first, ...options);
  select.value = chosen;
}

async function start() {
  const form = document.getElementById("portal-search");
  if (!form) return;
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const routes = document.getElementById("search-routes");
  const more = document.getElementById("search-more");
  const facetNames = ["type", "category", "year"];
  readParams(form, ["q"]);
  // Facet values from the address: their options exist once results do.
  const params = new URLSearchParams(location.search);
  let wanted = Object.fromEntries(facetNames.map((name) => [name, params.get(name) || ""]));
  let index = null;
  let shown = [];
  let run = 0;

  const ready = () => {
    if (!index) {
      index = SiteIndex.load(form.dataset.index, form.dataset.root);
    }
    return index;
  };

  const render = async (terms, hits, from) => {
    const docs = await index.then((i) => i.docs(hits.slice(from, from + PAGE_SIZE).map((h) => h.id)));
    const template = form.querySelector("[data-result-template]");
    list.append(...docs.map((doc) => resultItem(template, doc, terms)));
    more.hidden = from + PAGE_SIZE >= hits.length;
  };

  const update = async () => {
    const mine = ++run;
    const data = new FormData(form);
    const query = String(data.get("q") || "").trim();
    const facets = Object.fromEntries(facetNames.map((name) => [name, data.get(name) || wanted[name] || ""]));
    if (!query) {
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      status.textContent = "";
      routes.hidden = false;
      syncUrl(form);
      return;
    }
    const site = await ready();
    const { hits, terms, counts } = await site.search(query, facets);
    if (mine !== run) return; // a newer keystroke won
    for (const name of facetNames) {
      const values = name === "type" ? site.m.types : name === "year" ? [...site.m.years].reverse() : site.m.categories;
      fillFacet(form.elements[name], values, counts[name], facets[name]);
    }
    wanted = {};
    form.querySelector("[data-facets]").hidden = false;
    list.replaceChildren();
    shown = hits;
    list.hidden = hits.length === 0;
    routes.hidden = hits.length > 0;
    if (hits.length) {
      status.textContent = `Tìm thấy ${hits.length} kết quả cho “${query}”.`;
      await render(terms, hits, 0);
      more.onclick = () => render(terms, shown, list.children.length);
    } else {
      const message = form.querySelector("[data-empty-template]").content.cloneNode(true);
      message.querySelector("[data-query]").textContent = query;
      status.replaceChildren(message);
      more.hidden = true;
    }
    syncUrl(form);
    form.classList.add("is-ready");
  };

  let timer;
  form.addEventListener("input", () => {
    ready();
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  if (form.elements.q.value.trim()) await update();
  else form.classList.add("is-ready");
}

start();
