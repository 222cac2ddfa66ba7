// Procedure search on /thu-tuc/. The page works without this file: the full
// list and the form are plain HTML. Folding and query handling are shared
// with the site search (query.js).

import { byLength, diacriticKey, queryTokens, readParams, searchFold, searchWords, syncUrl, termCandidates } from "./query.js";

// The folding functions, for the tests that check them against Python's.
export { diacriticKey, fold, fromTelex, fromVni, searchFold, searchWords } from "./query.js";

const FIELD_WEIGHTS = {
  title: 10,
  code: 10,
  keywords: 7,
  synonyms: 6,
  field: 4,
  result: 3,
  online: 1,
  agency: 2,
  documents: 2,
};

// The index plugins/procedure_search/index.py writes: records with named
// keys, empty ones left out; field, level and online are positions in the
// index's tables.
const INDEX_VERSION = 2;

export class ProcedureIndex {
  constructor(data) {
    if (data.v !== INDEX_VERSION) throw new Error(`search index v${data.v}, expected v${INDEX_VERSION}`);
    this.fields = data.fields;
    this.levels = data.levels;
    this.online = data.online;
    this.stop = new Set(data.stop);
    this.stopFolded = new Set(data.stop.map(searchFold));
    this.vocab = new Map();
    this.docs = data.docs.map((record, id) => {
      const online = this.online[record.online] || { value: "", label: "", modifier: "" };
      const doc = {
        ...record,
        id,
        fieldName: this.fields[record.field] ?? "",
        levelName: this.levels[record.level] ?? "",
        onlineValue: online.value,
        onlineLabel: online.label,
        onlineModifier: online.modifier,
      };
      const texts = { ...record, field: doc.fieldName, online: doc.onlineLabel };
      for (const [name, weight] of Object.entries(FIELD_WEIGHTS)) {
        for (const word of searchWords(texts[name] || "")) this.add(searchFold(word), id, weight, diacriticKey(word));
      }
      doc.titleTerms = searchWords(doc.title).map(searchFold);
      doc.phrases = new Set(
        `${record.keywords || ""};${record.synonyms || ""}`
          .split(";")
          .map((p) => searchWords(p).map(searchFold).join(" "))
          .filter(Boolean),
      );
      return doc;
    });
    const terms = [...this.vocab.keys()];
    const lengths = byLength(terms);
    this.lookup = { has: (term) => this.vocab.has(term), terms: () => terms, ofLength: (n) => lengths.get(n) || [] };
  }

  add(term, id, weight, key) {
    let postings = this.vocab.get(term);
    if (!postings) this.vocab.set(term, (postings = new Map()));
    const posting = postings.get(id);
    if (!posting) postings.set(id, { weight, keys: new Set([key]) });
    else {
      posting.weight = Math.max(posting.weight, weight);
      posting.keys.add(key);
    }
  }

  candidates(word, isLast) {
    return termCandidates(word, isLast, this.lookup);
  }

  search(query, facets = {}) {
    const words = searchWords(query);
    const scores = new Map();
    const tokens = queryTokens(query, this.stop, this.stopFolded);
    for (const token of tokens) token.terms = this.candidates(token.word, token.last);
    const meaningful = tokens.filter((t) => !t.stop).length || tokens.length;
    const phrase = tokens.filter((t) => !t.stop).map((t) => (t.terms[0] || [searchFold(t.word)])[0]).join(" ");
    for (const token of tokens) {
      const best = new Map();
      for (const [term, sureness] of token.terms) {
        const postings = this.vocab.get(term);
        const idf = Math.log(1 + this.docs.length / postings.size);
        for (const [id, posting] of postings) {
          let value = posting.weight * idf * sureness;
          if (token.marked) value *= posting.keys.has(token.key) ? 1.25 : 0.8;
          if (value > (best.get(id) || 0)) best.set(id, value);
        }
      }
      for (const [id, value] of best) {
        const entry = scores.get(id) || { score: 0, matched: 0, terms: new Set() };
        entry.score += value * token.weight;
        if (!token.stop) entry.matched += 1;
        token.terms.forEach(([term]) => entry.terms.add(term));
        scores.set(id, entry);
      }
    }
    const results = [];
    for (const [id, entry] of scores) {
      const doc = this.docs[id];
      if (!this.passes(doc, facets)) continue;
      const coverage = entry.matched / meaningful;
      let score = entry.score * (0.3 + 0.7 * coverage * coverage);
      // Words in the order typed, side by side in the title.
      const title = doc.titleTerms;
      for (let i = 0; i + 1 < tokens.length; i++) {
        const a = tokens[i].terms.map(([t]) => t);
        const b = tokens[i + 1].terms.map(([t]) => t);
        for (let j = 0; j + 1 < title.length; j++) {
          if (a.includes(title[j]) && b.includes(title[j + 1])) {
            score += tokens[i].stop || tokens[i + 1].stop ? 1 : 6;
            break;
          }
        }
      }
      // The query is one of the phrases editors gave for this procedure.
      if (doc.phrases.has(phrase)) score += 12;
      // A title the query covers fully beats a longer one that contains it.
      const inTitle = title.filter((term) => entry.terms.has(term)).length;
      score += 8 * (inTitle / title.length);
      results.push({ doc, score });
    }
    if (!words.length) {
      for (const doc of this.docs) if (this.passes(doc, facets)) results.push({ doc, score: 0 });
      return results.map((r) => r.doc);
    }
    results.sort((x, y) => y.score - x.score || x.doc.id - y.doc.id);
    const top = results.length ? results[0].score : 0;
    return results.filter((r) => r.score >= top * 0.2).map((r) => r.doc);
  }

  passes(doc, facets) {
    return (
      (!facets.field || doc.fieldName === facets.field) &&
      (!facets.level || doc.levelName === facets.level) &&
      (!facets.online || doc.onlineValue === facets.online)
    );
  }
}

// ---- Page behaviour ---------------------------------------------------------

// One result: a copy of the server's markup for a procedure in a list (the
// <template data-result-template> of components/procedure_search.html), its
// slots filled with text only: a title is never parsed as markup.
function resultItem(template, doc) {
  const item = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => item.querySelector(`[data-slot="${name}"]`);
  const link = slot("title");
  link.href = doc.url;
  link.textContent = doc.title;
  // Plain-text slots become the text itself, as the server writes it.
  for (const [name, value] of [["code", doc.code], ["level", doc.levelName], ["field", doc.fieldName]]) {
    slot(name).replaceWith(value || "");
  }
  const label = slot("online");
  if (doc.onlineModifier) label.classList.add(`label--${doc.onlineModifier}`);
  label.textContent = doc.onlineLabel;
  for (const element of item.querySelectorAll("[data-slot]")) element.removeAttribute("data-slot");
  return item;
}

function renderResults(form, index, list, status, fallback) {
  const data = new FormData(form);
  const query = (data.get("q") || "").trim();
  const facets = { field: data.get("field"), level: data.get("level"), online: data.get("online") };
  const active = query || facets.field || facets.level || facets.online;
  fallback.hidden = Boolean(active);
  list.replaceChildren();
  if (!active) {
    status.textContent = "";
    list.hidden = true;
    return;
  }
  const found = index.search(query, facets);
  list.hidden = found.length === 0;
  const template = form.querySelector("[data-result-template]");
  list.append(...found.map((doc) => resultItem(template, doc)));
  const empty = form.querySelector("[data-empty-template]");
  status.replaceChildren();
  if (found.length) {
    status.textContent = `Tìm thấy ${found.length} thủ tục${query ? ` cho “${query}”` : ""}.`;
  } else {
    const message = empty.content.cloneNode(true);
    message.querySelector("[data-query]").textContent = query;
    status.append(message);
  }
}

async function start() {
  const form = document.getElementById("procedure-search");
  if (!form) return;
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const fallback = document.getElementById("procedure-list");
  readParams(form, ["q", "field", "level", "online"]);
  const response = await fetch(form.dataset.index);
  const index = new ProcedureIndex(await response.json());
  form.classList.add("is-ready");
  let timer;
  const update = () => {
    renderResults(form, index, list, status, fallback);
    syncUrl(form);
  };
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  renderResults(form, index, list, status, fallback);
}

start();
